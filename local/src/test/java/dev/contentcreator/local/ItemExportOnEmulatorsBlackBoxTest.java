package dev.contentcreator.local;

/**
 * {@link ItemExportBlackBoxTest} on Firestore and Pub/Sub (their emulators): the export style and
 * the item's versions read back through Firestore.
 */
class ItemExportOnEmulatorsBlackBoxTest extends ItemExportBlackBoxTest implements OnEmulators.Marker {}
