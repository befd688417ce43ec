package dev.contentcreator.local;

/**
 * {@link PublishingBlackBoxTest} on Firestore and Pub/Sub (their emulators): connections and
 * publications listed by the composite indexes' order, tries claimed in Firestore transactions.
 */
class PublishingOnEmulatorsBlackBoxTest extends PublishingBlackBoxTest implements OnEmulators.Marker {}
