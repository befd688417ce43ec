package dev.contentcreator.local;

/**
 * Every test of {@link ProjectsApiBlackBoxTest}, with the local server on Firestore and Pub/Sub
 * (their emulators) instead of the SQLite file: the production adapters must answer alike.
 */
class ProjectsApiOnEmulatorsBlackBoxTest extends ProjectsApiBlackBoxTest implements OnEmulators.Marker {}
