package dev.contentcreator.local;

/**
 * {@link TemplatesBlackBoxTest} on Firestore and Pub/Sub (their emulators): lists by owner and by
 * project, versions by number, saves and imports in transactions that read before they write, and a
 * try's job fanned out through Pub/Sub.
 */
class TemplatesOnEmulatorsBlackBoxTest extends TemplatesBlackBoxTest implements OnEmulators.Marker {}
