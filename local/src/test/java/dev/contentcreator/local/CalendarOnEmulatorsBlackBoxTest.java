package dev.contentcreator.local;

/**
 * {@link CalendarBlackBoxTest} on Firestore and Pub/Sub (their emulators): runs found by project and
 * a range of due times, feeds found by the hash of their token and by person, rotated in a transaction.
 */
class CalendarOnEmulatorsBlackBoxTest extends CalendarBlackBoxTest implements OnEmulators.Marker {}
