package dev.contentcreator.local;

/**
 * {@link BrandKitsBlackBoxTest} on Firestore and Pub/Sub (their emulators): the default kit made
 * once from a project's voice, found by its two equality filters, and kept equal to it.
 */
class BrandKitsOnEmulatorsBlackBoxTest extends BrandKitsBlackBoxTest implements OnEmulators.Marker {}
