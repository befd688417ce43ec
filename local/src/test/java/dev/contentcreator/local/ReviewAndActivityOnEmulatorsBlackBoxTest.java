package dev.contentcreator.local;

/**
 * {@link ReviewAndActivityBlackBoxTest} on Firestore (its emulator): the same answers where a
 * transaction reads nothing after its first write, and the activity log's time window is a range.
 */
class ReviewAndActivityOnEmulatorsBlackBoxTest extends ReviewAndActivityBlackBoxTest implements OnEmulators.Marker {}
