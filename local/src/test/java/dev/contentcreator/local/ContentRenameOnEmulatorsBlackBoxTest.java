package dev.contentcreator.local;

/** {@link ContentRenameBlackBoxTest} on Firestore (its emulator), which refuses a read after a write. */
class ContentRenameOnEmulatorsBlackBoxTest extends ContentRenameBlackBoxTest implements OnEmulators.Marker {}
