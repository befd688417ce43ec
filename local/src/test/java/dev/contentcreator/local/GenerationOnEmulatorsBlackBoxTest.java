package dev.contentcreator.local;

/**
 * Every test of {@link GenerationBlackBoxTest}, with jobs, items and contents in Firestore and the
 * generation event going through Pub/Sub to the fan-out (both on their emulators).
 */
class GenerationOnEmulatorsBlackBoxTest extends GenerationBlackBoxTest implements OnEmulators.Marker {}
