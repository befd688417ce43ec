package dev.contentcreator.local;

/**
 * {@link ApiKeysBlackBoxTest} on Firestore (its emulator): the role checks inside transactions,
 * whose bodies the Firestore client runs on its own threads, still hold a key to its scope.
 */
class ApiKeysOnEmulatorsBlackBoxTest extends ApiKeysBlackBoxTest implements OnEmulators.Marker {}
