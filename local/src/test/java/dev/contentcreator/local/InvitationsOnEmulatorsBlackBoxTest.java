package dev.contentcreator.local;

/**
 * Every test of {@link InvitationsBlackBoxTest} with the local server on Firestore (its emulator)
 * instead of the SQLite file: the invitation queries and transactions must answer alike.
 */
class InvitationsOnEmulatorsBlackBoxTest extends InvitationsBlackBoxTest implements OnEmulators.Marker {}
