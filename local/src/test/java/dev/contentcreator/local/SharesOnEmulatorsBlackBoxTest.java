package dev.contentcreator.local;

/**
 * {@link SharesBlackBoxTest} on Firestore (its emulator): a project's links listed by the composite
 * index's order, a view counted in a transaction that reads everything before its one write.
 */
class SharesOnEmulatorsBlackBoxTest extends SharesBlackBoxTest implements OnEmulators.Marker {}
