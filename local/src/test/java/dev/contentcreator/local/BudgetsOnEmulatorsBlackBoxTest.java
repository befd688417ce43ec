package dev.contentcreator.local;

/**
 * {@link BudgetsBlackBoxTest} on Firestore and Pub/Sub (their emulators): twenty jobs accepted at
 * once contend in Firestore transactions over the project's held documents, and none passes the
 * budget or a member's cap.
 */
class BudgetsOnEmulatorsBlackBoxTest extends BudgetsBlackBoxTest implements OnEmulators.Marker {}
