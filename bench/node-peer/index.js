// The reference of bench/cold-start-signed-in.sh: the signed-in reads of three Java functions
// written the way a Node team would write them, on Google's Functions Framework and firebase-admin,
// so that the launch of each can be compared with the product's on the same emulators. Each
// function verifies the Firebase ID token, reads the person's record and their membership of the
// project, then the same documents the product reads for that route, and answers them as JSON.
// It does not rate-limit (the product also asks Redis for every request) and keeps no log.
"use strict";

const functions = require("@google-cloud/functions-framework");
const { initializeApp } = require("firebase-admin/app");
const { getAuth } = require("firebase-admin/auth");
const { getFirestore } = require("firebase-admin/firestore");

initializeApp({ projectId: process.env.GOOGLE_CLOUD_PROJECT });
const auth = getAuth();
const db = getFirestore();

const USAGE_SHARDS = 32;

function problem(res, status, title) {
  res.status(status).type("application/problem+json").send(JSON.stringify({ status, title }));
}

// The caller and their membership of the project, or an answer already sent.
async function member(req, res, projectId) {
  const header = req.get("authorization") || "";
  if (!header.startsWith("Bearer ")) {
    problem(res, 401, "Sign in first");
    return null;
  }
  let token;
  try {
    // As the product by default (CHECK_REVOKED_TOKENS): also ask Auth whether the account was revoked.
    token = await auth.verifyIdToken(header.slice("Bearer ".length), true);
  } catch (e) {
    problem(res, 401, "Sign in first");
    return null;
  }
  const [user, membership] = await Promise.all([
    db.collection("users").doc(token.uid).get(),
    db.collection("members").doc(`${projectId}_${token.uid}`).get(),
  ]);
  if (!user.exists || !membership.exists) {
    problem(res, 404, "Not found");
    return null;
  }
  return membership.data();
}

function month() {
  return new Date().toISOString().slice(0, 7);
}

// GET /api/projects/{projectId}: the project and this month's usage of it (its counter documents).
functions.http("projects", async (req, res) => {
  const [, , , projectId] = req.path.split("/");
  if (!(await member(req, res, projectId))) return;
  const first = `project-${projectId}-${month()}`;
  const keys = [first, `${first}-held`];
  for (let k = 1; k < USAGE_SHARDS; k++) keys.push(`${first}-s${k}`);
  const [project, ...usage] = await db.getAll(
    db.collection("projects").doc(projectId),
    ...keys.map((key) => db.collection("usage").doc(key)),
  );
  if (!project.exists) return problem(res, 404, "Not found");
  res.json({ ...project.data(), usage: usage.filter((u) => u.exists).map((u) => u.data()) });
});

// GET /api/projects/{projectId}/contents/{contentId}: the item and its current version.
functions.http("contents", async (req, res) => {
  const [, , , projectId, , contentId] = req.path.split("/");
  if (!(await member(req, res, projectId))) return;
  const item = await db.collection("contents").doc(contentId).get();
  if (!item.exists || item.get("projectId") !== projectId) return problem(res, 404, "Not found");
  const version = await db.collection("versions").doc(`${contentId}_${item.get("currentVersion")}`).get();
  res.json({ ...item.data(), version: version.data() });
});

// GET /api/projects/{projectId}/generations/{jobId}: the job and its items.
functions.http("generations", async (req, res) => {
  const [, , , projectId, , jobId] = req.path.split("/");
  if (!(await member(req, res, projectId))) return;
  const job = await db.collection("jobs").doc(jobId).get();
  if (!job.exists || job.get("projectId") !== projectId) return problem(res, 404, "Not found");
  const items = await db.collection("items").where("jobId", "==", jobId).orderBy("index").limit(500).get();
  res.json({ ...job.data(), items: items.docs.map((d) => d.data()) });
});
