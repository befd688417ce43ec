package dev.contentcreator.local;

/**
 * {@link HooksBlackBoxTest} on Firestore and Pub/Sub (their emulators): webhooks and their
 * deliveries listed by the composite indexes' order, attempts logged in transactions.
 */
class HooksOnEmulatorsBlackBoxTest extends HooksBlackBoxTest implements OnEmulators.Marker {}
