package dev.contentcreator.local;

/**
 * {@link BackgroundExportBlackBoxTest} on Firestore and Pub/Sub (their emulators): export records
 * written and read back through Firestore, listed by the composite index's order.
 */
class BackgroundExportOnEmulatorsBlackBoxTest extends BackgroundExportBlackBoxTest implements OnEmulators.Marker {}
