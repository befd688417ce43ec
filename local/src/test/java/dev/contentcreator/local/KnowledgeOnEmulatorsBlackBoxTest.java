package dev.contentcreator.local;

/**
 * {@link KnowledgeBlackBoxTest} on Firestore and Pub/Sub (their emulators): documents listed by the
 * composite index's order, passages found by Firestore's nearest-neighbour query with the project
 * pre-filter, deleted page by page in write batches.
 */
class KnowledgeOnEmulatorsBlackBoxTest extends KnowledgeBlackBoxTest implements OnEmulators.Marker {}
