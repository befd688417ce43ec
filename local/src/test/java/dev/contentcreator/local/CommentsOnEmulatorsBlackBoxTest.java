package dev.contentcreator.local;

/**
 * Every test of {@link CommentsBlackBoxTest} with the local server on Firestore and Pub/Sub (their
 * emulators) instead of the SQLite file: the thread and inbox queries, their booleans and nested
 * fields, and the mail tasks must answer alike.
 */
class CommentsOnEmulatorsBlackBoxTest extends CommentsBlackBoxTest implements OnEmulators.Marker {}
