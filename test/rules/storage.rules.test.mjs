// Tests of storage.rules against the Storage emulator of firebase-tools, which reads memberships from
// the Firestore emulator. That emulator downloads its rules runtime when it starts, so it does not
// start offline: these tests run only where FIREBASE_STORAGE_EMULATOR_HOST is set (scripts/rules-test.sh
// says how to run them under the Emulator Suite).
import { after, before, describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assertFails, assertSucceeds, initializeTestEnvironment } from '@firebase/rules-unit-testing';
import { setLogLevel } from 'firebase/firestore';

const root = (name) => fileURLToPath(new URL(`../../${name}`, import.meta.url));
const storageHost = process.env.FIREBASE_STORAGE_EMULATOR_HOST;
const firestoreHost = process.env.FIRESTORE_EMULATOR_HOST;
const skip = storageHost && firestoreHost ? false
  : 'storage.rules NOT tested: FIREBASE_STORAGE_EMULATOR_HOST (and FIRESTORE_EMULATOR_HOST) must name running '
    + 'emulators, and the Storage emulator of firebase-tools cannot start offline';

const WEB = 'projects/p1/media/0f1e2d/web.webp';
const THUMB = 'projects/p1/media/0f1e2d/thumb-256.webp';
const OTHER = 'projects/p2/media/9a8b7c/web.webp';
const UPLOAD = 'uploads/p1/upload-1';
const STRAY = 'backups/2026-11-26/all.json';
const ALL = [WEB, THUMB, OTHER, UPLOAD, STRAY];

describe('storage.rules', { skip }, () => {
  let env;
  setLogLevel('silent');

  before(async () => {
    const hostPort = (value) => ({ host: value.split(':')[0], port: Number(value.split(':')[1]) });
    env = await initializeTestEnvironment({
      projectId: 'demo-rules-storage',
      firestore: { ...hostPort(firestoreHost), rules: readFileSync(root('firestore.rules'), 'utf8') },
      storage: { ...hostPort(storageHost), rules: readFileSync(root('storage.rules'), 'utf8') },
    });
    await env.clearFirestore();
    await env.clearStorage();
    await env.withSecurityRulesDisabled(async (admin) => {
      const db = admin.firestore();
      await Promise.all([
        db.doc('members/p1_alice').set({ projectId: 'p1', uid: 'alice', role: 'owner' }),
        db.doc('members/p1_carol').set({ projectId: 'p1', uid: 'carol', role: 'viewer' }),
        db.doc('members/p1_ivan').set({ projectId: 'p1', uid: 'ivan', role: 'invited' }),
        db.doc('members/p2_dave').set({ projectId: 'p2', uid: 'dave', role: 'owner' }),
      ]);
      const bucket = admin.storage();
      for (const path of ALL) {
        await bucket.ref(path).put(new Uint8Array([1, 2, 3]), { contentType: 'application/octet-stream' });
      }
    });
  });

  after(async () => {
    if (env) {
      await env.clearStorage();
      await env.clearFirestore();
      await env.cleanup();
    }
  });

  const as = (uid) => (uid ? env.authenticatedContext(uid) : env.unauthenticatedContext()).storage();

  test('a project\'s members read its processed media', async () => {
    for (const uid of ['alice', 'carol']) {
      await assertSucceeds(as(uid).ref(WEB).getDownloadURL());
      await assertSucceeds(as(uid).ref(THUMB).getMetadata());
    }
  });

  test('a member of one project reads nothing of another', async () => {
    await assertFails(as('alice').ref(OTHER).getDownloadURL());
    await assertSucceeds(as('dave').ref(OTHER).getDownloadURL());
  });

  test('a membership with a role the API does not know grants nothing', async () => {
    await assertFails(as('ivan').ref(WEB).getDownloadURL());
  });

  test('raw uploads and anything outside projects/ are closed, even to the owner', async () => {
    await assertFails(as('alice').ref(UPLOAD).getDownloadURL());
    await assertFails(as('alice').ref(STRAY).getDownloadURL());
  });

  test('a stranger and someone signed out read nothing', async () => {
    for (const path of ALL) {
      await assertFails(as('zed').ref(path).getDownloadURL());
      await assertFails(as(null).ref(path).getDownloadURL());
    }
  });

  test('nobody lists a project\'s media', async () => {
    await assertFails(as('alice').ref('projects/p1/media').listAll());
  });

  test('nobody writes or deletes directly, not even the owner', async () => {
    for (const uid of ['alice', 'zed', null]) {
      for (const path of [...ALL, 'projects/p1/media/new/web.webp', 'uploads/p1/new']) {
        await assertFails(as(uid).ref(path).put(new Uint8Array([4])));
        await assertFails(as(uid).ref(path).delete());
      }
    }
  });
});
