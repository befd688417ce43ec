package dev.contentcreator.local;

/** {@link LiveBlackBoxTest} on the production adapters: Firestore's listeners are the change feed. */
class LiveOnEmulatorsBlackBoxTest extends LiveBlackBoxTest implements OnEmulators.Marker {}
