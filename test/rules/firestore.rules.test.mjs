// Tests of firestore.rules against the Firestore emulator (FIRESTORE_EMULATOR_HOST, as
// scripts/rules-test.sh sets it). Each rule is tried both ways: who may read, and who may not; and
// no client, not even a project's owner, may write anything.
import { after, before, describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assertFails, assertSucceeds, initializeTestEnvironment } from '@firebase/rules-unit-testing';
import { setLogLevel } from 'firebase/firestore';

const rulesPath = fileURLToPath(new URL('../../firestore.rules', import.meta.url));
const emulator = process.env.FIRESTORE_EMULATOR_HOST;
const skip = emulator ? false
  : 'FIRESTORE_EMULATOR_HOST is not set: run scripts/rules-test.sh, which starts the Firestore emulator';

// p1: alice owns it, bob edits, carol views; ivan's membership names a role the API does not know.
// p2: dave owns it. zed is signed in and belongs to nothing.
const MEMBERS = [
  ['p1', 'alice', 'owner'], ['p1', 'bob', 'editor'], ['p1', 'carol', 'viewer'], ['p1', 'ivan', 'invited'],
  ['p2', 'dave', 'owner'],
];
// rita's membership of p1 is a reviewer flag with a role the API does not know: it grants nothing.
const FLAGGED = [['p1', 'rita', 'reviewer']];
const PROJECT_COLLECTIONS = ['jobs', 'items', 'contents', 'versions', 'templates', 'batches', 'batchruns',
  'reviews', 'activity', 'comments', 'presence'];
const CLOSED = ['idempotency/key-1', 'uploads/upload-1', 'settings/global', 'jobcounters/job-1-0'];
const PERIOD = '2026-11';

function allSeededPaths() {
  const paths = ['projects/p1', 'projects/p2', 'users/alice', 'users/dave', 'notifications/n-alice', 'notifications/n-bob',
    `usage/user-alice-${PERIOD}`, `usage/user-alice-${PERIOD}-s3`, `usage/user-alice-x-${PERIOD}`,
    `usage/project-p1-${PERIOD}`, `usage/project-p1-${PERIOD}-s3`, ...CLOSED];
  for (const [projectId, uid] of MEMBERS) paths.push(`members/${projectId}_${uid}`);
  for (const c of PROJECT_COLLECTIONS) paths.push(`${c}/${c}-p1`, `${c}/${c}-p2`);
  return paths;
}

describe('firestore.rules', { skip }, () => {
  let env;
  // Each refused request is logged by the SDK as an error; refusals are what most tests expect.
  setLogLevel('silent');

  before(async () => {
    const [host, port] = emulator.split(':');
    env = await initializeTestEnvironment({
      projectId: 'demo-rules-firestore',
      firestore: { host, port: Number(port), rules: readFileSync(rulesPath, 'utf8') },
    });
    await env.clearFirestore();
    await env.withSecurityRulesDisabled(async (admin) => {
      const db = admin.firestore();
      const writes = [
        db.doc('projects/p1').set({ name: 'Bakery', version: 1 }),
        db.doc('projects/p2').set({ name: 'Garage', version: 1 }),
        db.doc('users/alice').set({ uid: 'alice', email: 'alice@example.com' }),
        db.doc('users/dave').set({ uid: 'dave', email: 'dave@example.com' }),
        db.doc('notifications/n-alice').set({ uid: 'alice', projectId: 'p1', kind: 'mention', read: false }),
        db.doc('notifications/n-bob').set({ uid: 'bob', projectId: 'p1', kind: 'reply', read: false }),
        db.doc(`usage/user-alice-${PERIOD}`).set({ period: PERIOD, tokens: 10 }),
        db.doc(`usage/user-alice-${PERIOD}-s3`).set({ period: PERIOD, tokens: 5 }),
        db.doc(`usage/user-alice-${PERIOD}-held`).set({ period: PERIOD, reservedTokens: 5 }),
        db.doc(`usage/project-p1-${PERIOD}-s3`).set({ period: PERIOD, tokens: 5 }),
        db.doc(`usage/user-alice-x-${PERIOD}`).set({ period: PERIOD, tokens: 20 }),
        db.doc(`usage/project-p1-${PERIOD}`).set({ period: PERIOD, tokens: 30 }),
        ...CLOSED.map((path) => db.doc(path).set({ projectId: 'p1', uid: 'alice' })),
      ];
      for (const [projectId, uid, role] of MEMBERS) {
        writes.push(db.doc(`members/${projectId}_${uid}`).set({ projectId, uid, role }));
      }
      for (const [projectId, uid, role] of FLAGGED) {
        writes.push(db.doc(`members/${projectId}_${uid}`).set({ projectId, uid, role, reviewer: true }));
      }
      for (const c of PROJECT_COLLECTIONS) {
        writes.push(db.doc(`${c}/${c}-p1`).set({ projectId: 'p1', jobId: 'jobs-p1', status: 'queued' }));
        writes.push(db.doc(`${c}/${c}-p2`).set({ projectId: 'p2', jobId: 'jobs-p2', status: 'queued' }));
      }
      await Promise.all(writes);
    });
  });

  after(async () => {
    if (env) {
      await env.clearFirestore();
      await env.cleanup();
    }
  });

  const as = (uid) => (uid ? env.authenticatedContext(uid) : env.unauthenticatedContext()).firestore();

  describe('projects', () => {
    for (const uid of ['alice', 'bob', 'carol']) {
      test(`${uid}, a member of p1, reads p1`, async () => {
        await assertSucceeds(as(uid).doc('projects/p1').get());
      });
    }
    test('a member of p1 cannot read p2', async () => {
      await assertFails(as('alice').doc('projects/p2').get());
    });
    test('a membership with a role the API does not know grants nothing', async () => {
      await assertFails(as('ivan').doc('projects/p1').get());
      await assertFails(as('ivan').collection('jobs').where('projectId', '==', 'p1').get());
    });
    test('nobody lists every project', async () => {
      await assertFails(as('alice').collection('projects').get());
    });
  });

  describe('documents of a project', () => {
    for (const c of PROJECT_COLLECTIONS) {
      test(`${c}: a viewer reads the project's, one by one and by a query on projectId`, async () => {
        await assertSucceeds(as('carol').doc(`${c}/${c}-p1`).get());
        await assertSucceeds(as('carol').collection(c).where('projectId', '==', 'p1').get());
      });
      test(`${c}: a member of p1 reads nothing of p2`, async () => {
        await assertFails(as('alice').doc(`${c}/${c}-p2`).get());
        await assertFails(as('alice').collection(c).where('projectId', '==', 'p2').get());
      });
      test(`${c}: a query that does not filter on projectId is refused`, async () => {
        await assertFails(as('alice').collection(c).get());
        await assertFails(as('alice').collection(c).where('status', '==', 'queued').get());
      });
    }
    test('the live query of a job\'s items must name the project as well as the job', async () => {
      await assertSucceeds(as('carol').collection('items').where('projectId', '==', 'p1')
        .where('jobId', '==', 'jobs-p1').get());
      await assertFails(as('carol').collection('items').where('jobId', '==', 'jobs-p1').get());
    });
    test('a member listens to a job\'s items live', async () => {
      const items = as('bob').collection('items').where('projectId', '==', 'p1').where('jobId', '==', 'jobs-p1');
      const snapshot = await new Promise((resolve, reject) => {
        const stop = items.onSnapshot((s) => { stop(); resolve(s); }, reject);
      });
      if (snapshot.size !== 1) throw new Error(`expected the one item of p1, got ${snapshot.size}`);
    });
  });

  describe('activity and review history', () => {
    test('a viewer listens to the project\'s activity live, newest first', async () => {
      const log = as('carol').collection('activity').where('projectId', '==', 'p1');
      const snapshot = await new Promise((resolve, reject) => {
        const stop = log.onSnapshot((s) => { stop(); resolve(s); }, reject);
      });
      if (snapshot.size !== 1) throw new Error(`expected the one record of p1, got ${snapshot.size}`);
    });
    test('no member adds, changes or removes an activity record, nor a review record', async () => {
      for (const uid of ['alice', 'bob', 'carol']) {
        for (const c of ['activity', 'reviews']) {
          await assertFails(as(uid).doc(`${c}/forged`).set({ projectId: 'p1', action: 'content.edited' }));
          await assertFails(as(uid).doc(`${c}/${c}-p1`).set({ projectId: 'p1', action: 'x' }, { merge: true }));
          await assertFails(as(uid).doc(`${c}/${c}-p1`).delete());
        }
      }
    });
    test('a reviewer flag grants no more than the role beside it', async () => {
      await assertFails(as('rita').doc('activity/activity-p1').get());
      await assertFails(as('rita').collection('reviews').where('projectId', '==', 'p1').get());
    });
  });

  describe('members', () => {
    test('a person lists their own memberships (my projects)', async () => {
      await assertSucceeds(as('dave').collection('members').where('uid', '==', 'dave').get());
    });
    test('a viewer lists the members of their project', async () => {
      await assertSucceeds(as('carol').collection('members').where('projectId', '==', 'p1').get());
      await assertSucceeds(as('carol').doc('members/p1_alice').get());
    });
    test('nobody lists another person\'s memberships or another project\'s members', async () => {
      await assertFails(as('alice').collection('members').where('uid', '==', 'dave').get());
      await assertFails(as('alice').collection('members').where('projectId', '==', 'p2').get());
      await assertFails(as('alice').doc('members/p2_dave').get());
      await assertFails(as('alice').collection('members').get());
    });
  });

  describe('users', () => {
    test('a person reads their own profile', async () => {
      await assertSucceeds(as('alice').doc('users/alice').get());
    });
    test('nobody reads another person\'s profile, even a fellow member\'s', async () => {
      await assertFails(as('bob').doc('users/alice').get());
      await assertFails(as('alice').collection('users').get());
    });
  });

  describe('notifications', () => {
    test('a person reads their own, one by one and by a query on uid (the live inbox)', async () => {
      await assertSucceeds(as('alice').doc('notifications/n-alice').get());
      await assertSucceeds(as('alice').collection('notifications').where('uid', '==', 'alice').get());
      await assertSucceeds(as('alice').collection('notifications').where('uid', '==', 'alice')
        .where('read', '==', false).get());
    });
    test('nobody reads another person\'s, even a fellow member of the project', async () => {
      await assertFails(as('bob').doc('notifications/n-alice').get());
      await assertFails(as('alice').doc('notifications/n-bob').get());
      await assertFails(as('bob').collection('notifications').where('uid', '==', 'alice').get());
      await assertFails(as('alice').collection('notifications').where('projectId', '==', 'p1').get());
      await assertFails(as('alice').collection('notifications').get());
    });
    test('nobody marks a notification read, or makes one, by writing it', async () => {
      await assertFails(as('alice').doc('notifications/n-alice').update({ read: true }));
      await assertFails(as('alice').doc('notifications/n-new').set({ uid: 'alice', projectId: 'p1', read: false }));
      await assertFails(as('bob').doc('notifications/n-alice').delete());
    });
  });

  describe('comments', () => {
    test('a viewer reads the comments of an item by a query on project and item', async () => {
      await env.withSecurityRulesDisabled((admin) => admin.firestore().doc('comments/c-thread')
        .set({ projectId: 'p1', contentId: 'contents-p1', root: true, body: 'hi' }));
      await assertSucceeds(as('carol').collection('comments').where('projectId', '==', 'p1')
        .where('contentId', '==', 'contents-p1').get());
      await assertFails(as('dave').collection('comments').where('projectId', '==', 'p1')
        .where('contentId', '==', 'contents-p1').get());
      await assertFails(as('carol').collection('comments').where('contentId', '==', 'contents-p1').get());
    });
    test('no member writes a comment directly, not even on their own project', async () => {
      await assertFails(as('carol').doc('comments/c-new').set({ projectId: 'p1', contentId: 'contents-p1', body: 'x' }));
      await assertFails(as('alice').doc('comments/c-thread').update({ resolved: true }));
      await assertFails(as('alice').doc('comments/c-thread').delete());
    });
  });

  describe('presence', () => {
    test('a viewer sees who views an item by a query on project and item; a stranger does not', async () => {
      await env.withSecurityRulesDisabled((admin) => admin.firestore().doc('presence/contents-p1_bob')
        .set({ projectId: 'p1', contentId: 'contents-p1', uid: 'bob', name: 'Bob', seenAt: '2026-12-03T04:00:00Z' }));
      await assertSucceeds(as('carol').collection('presence').where('projectId', '==', 'p1')
        .where('contentId', '==', 'contents-p1').get());
      await assertFails(as('dave').collection('presence').where('projectId', '==', 'p1')
        .where('contentId', '==', 'contents-p1').get());
      await assertFails(as('carol').collection('presence').where('contentId', '==', 'contents-p1').get());
    });
    test('nobody says they are viewing, or removes someone, by writing it', async () => {
      await assertFails(as('carol').doc('presence/contents-p1_carol').set({ projectId: 'p1', contentId: 'contents-p1',
        uid: 'carol', name: 'Carol', seenAt: '2026-12-03T04:00:00Z' }));
      await assertFails(as('bob').doc('presence/contents-p1_bob').update({ seenAt: '2099-01-01T00:00:00Z' }));
      await assertFails(as('alice').doc('presence/contents-p1_bob').delete());
    });
  });

  describe('usage', () => {
    test('a person reads their own month, every counter document of it', async () => {
      await assertSucceeds(as('alice').doc(`usage/user-alice-${PERIOD}`).get());
      await assertSucceeds(as('alice').doc(`usage/user-alice-${PERIOD}-s3`).get());
      await assertSucceeds(as('alice').doc(`usage/user-alice-${PERIOD}-held`).get());
      await assertFails(as('bob').doc(`usage/user-alice-${PERIOD}-held`).get());
    });
    test('no id past the counter documents of a month reads as one', async () => {
      await assertFails(as('alice').doc(`usage/user-alice-${PERIOD}-s32`).get());
      await assertFails(as('alice').doc(`usage/user-alice-${PERIOD}-s0`).get());
      await assertFails(as('alice').doc(`usage/user-alice-${PERIOD}-s03`).get());
      await assertFails(as('alice').doc(`usage/user-alice-${PERIOD}-x3`).get());
      await assertFails(as('alice').doc(`usage/user-alice-${PERIOD}-held-s1`).get());
    });
    test('a uid that starts like another\'s reads only its own', async () => {
      await assertFails(as('alice').doc(`usage/user-alice-x-${PERIOD}`).get());
      await assertSucceeds(as('alice-x').doc(`usage/user-alice-x-${PERIOD}`).get());
    });
    test('a project\'s counters are closed, even to its owner', async () => {
      await assertFails(as('alice').doc(`usage/project-p1-${PERIOD}`).get());
      await assertFails(as('alice').doc(`usage/project-p1-${PERIOD}-s3`).get());
    });
    test('nobody lists usage', async () => {
      await assertFails(as('alice').collection('usage').get());
    });
  });

  describe('invitations', () => {
    // Made through the API only; an invitation names its project and the invited address.
    const invitation = { projectId: 'p1', email: 'zed@example.com', role: 'editor', status: 'pending', tokenHash: 'ab' };
    before(async () => {
      await env.withSecurityRulesDisabled((admin) => admin.firestore().doc('invitations/inv-1').set(invitation));
    });
    const verifiedZed = () => env.authenticatedContext('zed', { email: 'zed@example.com', email_verified: true }).firestore();

    test('the project\'s owner reads no invitation, one by one or by query', async () => {
      await assertFails(as('alice').doc('invitations/inv-1').get());
      await assertFails(as('alice').collection('invitations').where('projectId', '==', 'p1').get());
    });
    test('the invited person, with the address verified, reads none either: the API shows them', async () => {
      await assertFails(verifiedZed().doc('invitations/inv-1').get());
      await assertFails(verifiedZed().collection('invitations').where('email', '==', 'zed@example.com').get());
    });
    test('nobody accepts or makes an invitation by writing it', async () => {
      await assertFails(verifiedZed().doc('invitations/inv-1').set({ ...invitation, status: 'accepted' }));
      await assertFails(as('alice').doc('invitations/inv-2').set(invitation));
      await assertFails(verifiedZed().doc('members/p1_zed').set({ projectId: 'p1', uid: 'zed', role: 'editor' }));
    });
    test('an admin-written invitation is there to be refused (the seed is real)', async () => {
      await env.withSecurityRulesDisabled(async (admin) => {
        const snap = await admin.firestore().doc('invitations/inv-1').get();
        if (!snap.exists) throw new Error('the invitation was not seeded');
      });
    });
  });

  describe('shares', () => {
    // Made through the API only; a share link names its project and holds secrets' hashes.
    const link = { projectId: 'p1', contentId: 'c1', contentIds: ['c1'], permission: 'approve', label: 'Client',
      passwordHash: 'pbkdf2-sha256$210000$x$y', sessionKey: 'k', views: 3 };
    const id = 'a'.repeat(64);
    before(async () => {
      await env.withSecurityRulesDisabled((admin) => admin.firestore().doc(`shares/${id}`).set(link));
    });

    test('the server writes and reads a link (the seed is real)', async () => {
      await env.withSecurityRulesDisabled(async (admin) => {
        const snap = await admin.firestore().doc(`shares/${id}`).get();
        if (!snap.exists || snap.data().views !== 3) throw new Error('the share was not seeded');
      });
    });
    test('a member still reads the project it shares, so the denials below are the rule\'s', async () => {
      await assertSucceeds(as('alice').doc('projects/p1').get());
    });
    test('the project\'s owner reads no link, one by one or by query', async () => {
      await assertFails(as('alice').doc(`shares/${id}`).get());
      await assertFails(as('alice').collection('shares').where('projectId', '==', 'p1').get());
    });
    test('a guest without an account reads none: the API checks the token', async () => {
      await assertFails(as(null).doc(`shares/${id}`).get());
      await assertFails(as(null).collection('shares').get());
    });
    test('nobody makes, extends or revokes a link by writing it', async () => {
      await assertFails(as('alice').doc(`shares/${'b'.repeat(64)}`).set(link));
      await assertFails(as('alice').doc(`shares/${id}`).update({ expiresAt: '2099-01-01T00:00:00.000Z' }));
      await assertFails(as(null).doc(`shares/${id}`).update({ views: 0 }));
      await assertFails(as('alice').doc(`shares/${id}`).delete());
    });
  });

  describe('personal templates and templateversions', () => {
    // A personal library's template has no projectId; versions of any template go through the API.
    const personal = { ownerUid: 'alice', name: 'Mine', kind: 'TEXT', body: 'Hi {{a}}', variables: [], version: 1 };
    const version = { templateId: 't9', number: 1, projectId: 'p1', name: 'Ours', kind: 'TEXT', body: 'x' };
    before(async () => {
      await env.withSecurityRulesDisabled(async (admin) => {
        await admin.firestore().doc('templates/t8').set(personal);
        await admin.firestore().doc('templates/t9').set({ ...personal, ownerUid: null, projectId: 'p1' });
        await admin.firestore().doc('templateversions/t9_1').set(version);
      });
    });
    test('a member reads the project\'s template, so the denials below are the rule\'s', async () => {
      await assertSucceeds(as('alice').doc('templates/t9').get());
    });
    test('nobody reads a personal template through the client, not even its owner', async () => {
      await assertFails(as('alice').doc('templates/t8').get());
      await assertFails(as('bob').doc('templates/t8').get());
      await assertFails(as(null).doc('templates/t8').get());
    });
    test('a member reads no template version, one by one or by query', async () => {
      await assertFails(as('alice').doc('templateversions/t9_1').get());
      await assertFails(as('alice').collection('templateversions').where('templateId', '==', 't9').get());
    });
    test('nobody writes a template or a version', async () => {
      await assertFails(as('alice').doc('templates/t8').update({ body: 'changed' }));
      await assertFails(as('alice').doc('templates/t10').set(personal));
      await assertFails(as('alice').doc('templateversions/t9_2').set(version));
      await assertFails(as('alice').doc('templateversions/t9_1').delete());
    });
  });

  describe('exportstyles', () => {
    // Read and written through the API only: it checks the role and the logo.
    const style = { projectId: 'p1', headingFont: 'serif', bodyFont: 'sans', accentColor: '#c05621', footer: 'Tea' };
    before(async () => {
      await env.withSecurityRulesDisabled(async (admin) => {
        await admin.firestore().doc('exportstyles/p1').set(style);
      });
    });

    test('the server writes and reads it (the seed is real)', async () => {
      await env.withSecurityRulesDisabled(async (admin) => {
        const d = await admin.firestore().doc('exportstyles/p1').get();
        if (!d.exists || d.data().accentColor !== '#c05621') throw new Error('not seeded');
      });
    });
    test('a member still reads the project, so the denials below are the rule\'s', async () => {
      await assertSucceeds(as('alice').doc('projects/p1').get());
    });
    test('no member or stranger reads it, and nobody writes it', async () => {
      await assertFails(as('alice').doc('exportstyles/p1').get());
      await assertFails(as(null).doc('exportstyles/p1').get());
      await assertFails(as('alice').doc('exportstyles/p1').update({ accentColor: '#000000' }));
      await assertFails(as('alice').doc('exportstyles/p2').set(style));
      await assertFails(as('alice').doc('exportstyles/p1').delete());
    });
  });

  describe('exports', () => {
    // A background export's record holds the key that signs its links: API only.
    const record = { projectId: 'p1', createdBy: 'alice', what: 'media', format: 'zip', status: 'ready',
      linkKey: 'c2VjcmV0LWtleS1vZi10aGUtZXhwb3J0', createdAt: '2026-12-03T08:00:00.000Z' };
    before(async () => {
      await env.withSecurityRulesDisabled(async (admin) => {
        await admin.firestore().doc('exports/e1').set(record);
      });
    });

    test('the server writes and reads it (the seed is real)', async () => {
      await env.withSecurityRulesDisabled(async (admin) => {
        const d = await admin.firestore().doc('exports/e1').get();
        if (!d.exists || d.data().status !== 'ready') throw new Error('not seeded');
      });
    });
    test('a member still reads the project, so the denials below are the rule\'s', async () => {
      await assertSucceeds(as('alice').doc('projects/p1').get());
    });
    test('even the person who asked for it reads or writes no record', async () => {
      await assertFails(as('alice').doc('exports/e1').get());
      await assertFails(as('alice').collection('exports').where('projectId', '==', 'p1').get());
      await assertFails(as(null).doc('exports/e1').get());
      await assertFails(as('alice').doc('exports/e1').update({ status: 'queued' }));
      await assertFails(as('alice').doc('exports/e2').set(record));
      await assertFails(as('alice').doc('exports/e1').delete());
    });
  });

  describe('hooks and hookdeliveries', () => {
    // Made through the API only; a webhook holds its signing secrets.
    const hook = { projectId: 'p1', url: 'https://hooks.example.org/in', events: ['job.completed'], enabled: true,
      secret: 'whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=', failureStreak: 0 };
    const delivery = { hookId: 'h1', projectId: 'p1', type: 'ping', body: '{}', status: 'succeeded', attempts: [] };
    before(async () => {
      await env.withSecurityRulesDisabled(async (admin) => {
        await admin.firestore().doc('hooks/h1').set(hook);
        await admin.firestore().doc('hookdeliveries/d1').set(delivery);
      });
    });

    test('the server writes and reads them (the seeds are real)', async () => {
      await env.withSecurityRulesDisabled(async (admin) => {
        const h = await admin.firestore().doc('hooks/h1').get();
        const d = await admin.firestore().doc('hookdeliveries/d1').get();
        if (!h.exists || !h.data().secret.startsWith('whsec_') || !d.exists) throw new Error('not seeded');
      });
    });
    test('a member still reads the project, so the denials below are the rule\'s', async () => {
      await assertSucceeds(as('alice').doc('projects/p1').get());
    });
    test('the project\'s owner reads no webhook or delivery, one by one or by query', async () => {
      await assertFails(as('alice').doc('hooks/h1').get());
      await assertFails(as('alice').collection('hooks').where('projectId', '==', 'p1').get());
      await assertFails(as('alice').doc('hookdeliveries/d1').get());
      await assertFails(as('alice').collection('hookdeliveries').where('hookId', '==', 'h1').get());
    });
    test('nobody without an account reads them', async () => {
      await assertFails(as(null).doc('hooks/h1').get());
      await assertFails(as(null).collection('hookdeliveries').get());
    });
    test('nobody makes, changes or deletes one by writing it', async () => {
      await assertFails(as('alice').doc('hooks/h2').set(hook));
      await assertFails(as('alice').doc('hooks/h1').update({ url: 'https://evil.example/' }));
      await assertFails(as('alice').doc('hooks/h1').delete());
      await assertFails(as('alice').doc('hookdeliveries/d1').update({ status: 'pending' }));
      await assertFails(as('alice').doc('hookdeliveries/d2').set(delivery));
    });
  });

  describe('knowledgedocs and knowledgevectors', () => {
    // Brand knowledge is the API's alone: members read and search it through its routes.
    const doc = { id: 'k1', projectId: 'p1', name: 'guide.md', kind: 'markdown', status: 'ready', passageCount: 2 };
    const vector = { projectId: 'p1', passageId: 'k1-0', documentId: 'k1', model: 'all-minilm-l6-v2-q', dimensions: 3,
      metadata: { documentName: 'guide.md', text: 'Our mascot is a heron.' } };
    before(async () => {
      await env.withSecurityRulesDisabled(async (admin) => {
        await admin.firestore().doc('knowledgedocs/k1').set(doc);
        await admin.firestore().doc('knowledgevectors/v1').set(vector);
      });
    });

    test('the server writes and reads them (the seeds are real)', async () => {
      await env.withSecurityRulesDisabled(async (admin) => {
        const d = await admin.firestore().doc('knowledgedocs/k1').get();
        const v = await admin.firestore().doc('knowledgevectors/v1').get();
        if (!d.exists || d.data().name !== 'guide.md' || !v.exists) throw new Error('not seeded');
      });
    });
    test('a member still reads the project, so the denials below are the rule\'s', async () => {
      await assertSucceeds(as('alice').doc('projects/p1').get());
    });
    test('a member reads no document or vector, one by one or by query', async () => {
      await assertFails(as('alice').doc('knowledgedocs/k1').get());
      await assertFails(as('alice').collection('knowledgedocs').where('projectId', '==', 'p1').get());
      await assertFails(as('alice').doc('knowledgevectors/v1').get());
      await assertFails(as('alice').collection('knowledgevectors').where('projectId', '==', 'p1').get());
    });
    test('nobody without an account reads them', async () => {
      await assertFails(as(null).doc('knowledgedocs/k1').get());
      await assertFails(as(null).collection('knowledgevectors').get());
    });
    test('nobody adds, changes or deletes one by writing it', async () => {
      await assertFails(as('alice').doc('knowledgedocs/k2').set(doc));
      await assertFails(as('alice').doc('knowledgedocs/k1').update({ status: 'failed' }));
      await assertFails(as('alice').doc('knowledgedocs/k1').delete());
      await assertFails(as('alice').doc('knowledgevectors/v2').set(vector));
      await assertFails(as('alice').doc('knowledgevectors/v1').delete());
    });
  });

  describe('budgets and the member counters of usage', () => {
    // Set and read through the API only: the owners see every member's cap and spend there.
    const budget = { projectId: 'p1', monthlyMicros: 5000000, memberCapMicros: 1000000, memberCaps: { bob: 2000000 },
      version: 1 };
    before(async () => {
      await env.withSecurityRulesDisabled(async (admin) => {
        await admin.firestore().doc('budgets/p1').set(budget);
        await admin.firestore().doc('usage/member-p1-alice-2026-12').set({ period: '2026-12', costMicros: 5 });
      });
    });

    test('the server writes and reads them (the seeds are real)', async () => {
      await env.withSecurityRulesDisabled(async (admin) => {
        const b = await admin.firestore().doc('budgets/p1').get();
        const u = await admin.firestore().doc('usage/member-p1-alice-2026-12').get();
        if (!b.exists || b.data().monthlyMicros !== 5000000 || !u.exists) throw new Error('not seeded');
      });
    });
    test('a member still reads the project, so the denials below are the rule\'s', async () => {
      await assertSucceeds(as('alice').doc('projects/p1').get());
    });
    test('the project\'s owner reads no budget and no member counter, even their own', async () => {
      await assertFails(as('alice').doc('budgets/p1').get());
      await assertFails(as('alice').collection('budgets').where('projectId', '==', 'p1').get());
      await assertFails(as('alice').doc('usage/member-p1-alice-2026-12').get());
    });
    test('nobody without an account reads them', async () => {
      await assertFails(as(null).doc('budgets/p1').get());
    });
    test('nobody sets, raises or deletes a budget by writing it', async () => {
      await assertFails(as('alice').doc('budgets/p1').update({ monthlyMicros: 0 }));
      await assertFails(as('alice').doc('budgets/p2').set(budget));
      await assertFails(as('alice').doc('budgets/p1').delete());
      await assertFails(as('alice').doc('usage/member-p1-alice-2026-12').set({ period: '2026-12', costMicros: 0 }));
    });
  });

  describe('brandkits', () => {
    const kit = { id: 'k1', projectId: 'p1', name: 'Default', isDefault: true,
      voice: { bannedWords: ['synergy'], requiredTerms: [] }, version: 1 };
    before(async () => {
      await env.withSecurityRulesDisabled(async (admin) => {
        await admin.firestore().doc('brandkits/k1').set(kit);
      });
    });

    test('the server writes and reads them (the seed is real)', async () => {
      await env.withSecurityRulesDisabled(async (admin) => {
        const k = await admin.firestore().doc('brandkits/k1').get();
        if (!k.exists || k.data().voice.bannedWords[0] !== 'synergy') throw new Error('not seeded');
      });
    });
    test('a member still reads the project, so the denials below are the rule\'s', async () => {
      await assertSucceeds(as('alice').doc('projects/p1').get());
    });
    test('a member reads no kit, one by one or by query', async () => {
      await assertFails(as('alice').doc('brandkits/k1').get());
      await assertFails(as('alice').collection('brandkits').where('projectId', '==', 'p1').get());
      await assertFails(as(null).doc('brandkits/k1').get());
    });
    test('nobody makes, changes or deletes one by writing it', async () => {
      await assertFails(as('alice').doc('brandkits/k2').set(kit));
      await assertFails(as('alice').doc('brandkits/k1').update({ isDefault: false }));
      await assertFails(as('alice').doc('brandkits/k1').delete());
    });
  });

  describe('calendarfeeds', () => {
    // Made through the API only; a feed names its person and is stored under the hash of its token.
    const feedId = 'e'.repeat(64);
    const feed = { uid: 'alice', createdAt: '2026-12-01T09:00:00.000Z' };
    before(async () => {
      await env.withSecurityRulesDisabled((admin) => admin.firestore().doc(`calendarfeeds/${feedId}`).set(feed));
    });

    test('the server writes and reads a feed (the seed is real)', async () => {
      await env.withSecurityRulesDisabled(async (admin) => {
        const snap = await admin.firestore().doc(`calendarfeeds/${feedId}`).get();
        if (!snap.exists || snap.data().uid !== 'alice') throw new Error('the feed was not seeded');
      });
    });
    test('a signed-in person still reads their own project, so the denials below are the rule\'s', async () => {
      await assertSucceeds(as('alice').doc('projects/p1').get());
    });
    test('the feed\'s own person reads it neither by id nor by query', async () => {
      await assertFails(as('alice').doc(`calendarfeeds/${feedId}`).get());
      await assertFails(as('alice').collection('calendarfeeds').where('uid', '==', 'alice').get());
    });
    test('nobody else reads it, signed in or not', async () => {
      await assertFails(as('bob').doc(`calendarfeeds/${feedId}`).get());
      await assertFails(as(null).collection('calendarfeeds').get());
    });
    test('nobody makes, moves or deletes a feed by writing it', async () => {
      await assertFails(as('alice').doc(`calendarfeeds/${'a'.repeat(64)}`).set(feed));
      await assertFails(as('bob').doc(`calendarfeeds/${feedId}`).update({ uid: 'bob' }));
      await assertFails(as('alice').doc(`calendarfeeds/${feedId}`).delete());
    });
  });

  describe('apikeys', () => {
    // Made through the API only; a key names its person and holds the hash of its secret.
    const key = { id: 'k1', uid: 'alice', name: 'CI', projectId: 'p1', role: 'editor', secretHash: 'f'.repeat(64),
      createdAt: '2026-12-01T09:00:00.000Z', expiresAt: '2099-01-01T00:00:00.000Z' };
    before(async () => {
      await env.withSecurityRulesDisabled((admin) => admin.firestore().doc('apikeys/k1').set(key));
    });

    test('the server writes and reads a key (the seed is real)', async () => {
      await env.withSecurityRulesDisabled(async (admin) => {
        const snap = await admin.firestore().doc('apikeys/k1').get();
        if (!snap.exists || snap.data().uid !== 'alice') throw new Error('the key was not seeded');
      });
    });
    test('a member still reads the project the key names, so the denials below are the rule\'s', async () => {
      await assertSucceeds(as('alice').doc('projects/p1').get());
    });
    test('the key\'s own person reads it neither by id nor by query', async () => {
      await assertFails(as('alice').doc('apikeys/k1').get());
      await assertFails(as('alice').collection('apikeys').where('uid', '==', 'alice').get());
    });
    test('nobody else reads it, signed in or not', async () => {
      await assertFails(as('bob').doc('apikeys/k1').get());
      await assertFails(as(null).collection('apikeys').get());
    });
    test('nobody makes, revives or extends a key by writing it', async () => {
      await assertFails(as('alice').doc('apikeys/k2').set(key));
      await assertFails(as('alice').doc('apikeys/k1').update({ revokedAt: null, expiresAt: '2199-01-01T00:00:00.000Z' }));
      await assertFails(as('alice').doc('apikeys/k1').delete());
    });
  });

  describe('publishconnections and publications', () => {
    // Made and read through the API only, which checks the caller's role in the project.
    const connection = { projectId: 'p1', channel: 'wordpress', name: 'Blog', siteUrl: 'https://blog.example.org',
      username: 'editor', secretLast4: 'UVWX' };
    const publication = { projectId: 'p1', contentId: 'c1', connectionId: 'k1', channel: 'wordpress', mode: 'publish',
      status: 'scheduled', publishAt: '2026-12-24T09:00:00.000Z', round: 0, attempts: 0 };
    before(async () => {
      await env.withSecurityRulesDisabled(async (admin) => {
        await admin.firestore().doc('publishconnections/k1').set(connection);
        await admin.firestore().doc('publications/u1').set(publication);
      });
    });

    test('the server writes and reads them (the seeds are real)', async () => {
      await env.withSecurityRulesDisabled(async (admin) => {
        const k = await admin.firestore().doc('publishconnections/k1').get();
        const u = await admin.firestore().doc('publications/u1').get();
        if (!k.exists || k.data().channel !== 'wordpress' || !u.exists) throw new Error('not seeded');
      });
    });
    test('a member still reads the project, so the denials below are the rule\'s', async () => {
      await assertSucceeds(as('alice').doc('projects/p1').get());
    });
    test('the project\'s owner reads no connection or publication, one by one or by query', async () => {
      await assertFails(as('alice').doc('publishconnections/k1').get());
      await assertFails(as('alice').collection('publishconnections').where('projectId', '==', 'p1').get());
      await assertFails(as('alice').doc('publications/u1').get());
      await assertFails(as('alice').collection('publications').where('projectId', '==', 'p1').get());
    });
    test('nobody without an account reads them', async () => {
      await assertFails(as(null).doc('publishconnections/k1').get());
      await assertFails(as(null).collection('publications').get());
    });
    test('nobody makes, changes or deletes one by writing it', async () => {
      await assertFails(as('alice').doc('publishconnections/k2').set(connection));
      await assertFails(as('alice').doc('publishconnections/k1').update({ siteUrl: 'http://169.254.169.254/' }));
      await assertFails(as('alice').doc('publishconnections/k1').delete());
      await assertFails(as('alice').doc('publications/u1').update({ status: 'published' }));
      await assertFails(as('alice').doc('publications/u2').set(publication));
    });
  });

  describe('internal collections', () => {
    for (const path of CLOSED) {
      test(`${path} is closed, even to the owner of the project it names`, async () => {
        await assertFails(as('alice').doc(path).get());
        await assertFails(as('alice').collection(path.split('/')[0]).get());
      });
    }
  });

  test('a stranger (signed in, member of nothing) reads nothing', async () => {
    for (const path of allSeededPaths()) {
      await assertFails(as('zed').doc(path).get());
    }
    for (const c of [...PROJECT_COLLECTIONS, 'members']) {
      await assertFails(as('zed').collection(c).where('projectId', '==', 'p1').get());
    }
  });

  test('someone not signed in reads nothing', async () => {
    for (const path of allSeededPaths()) {
      await assertFails(as(null).doc(path).get());
    }
  });

  test('nobody writes directly, not even the owner of the project', async () => {
    const writers = [['alice', 'owner of p1'], ['bob', 'editor of p1'], ['zed', 'stranger'], [null, 'signed out']];
    const paths = [...allSeededPaths(), 'projects/new', 'members/p2_alice', 'users/zed', 'jobs/new'];
    for (const [uid] of writers) {
      const db = as(uid);
      for (const path of paths) {
        await assertFails(db.doc(path).set({ projectId: 'p1', uid: uid ?? 'x', role: 'owner' }));
        await assertFails(db.doc(path).set({ note: 'merged' }, { merge: true }));
        await assertFails(db.doc(path).delete());
      }
    }
  });
});
