#!/usr/bin/env node
// A comment reaching another person's open page: the time from person A starting a POST of a
// comment through the API to its words being in the DOM of person B's content page of the same
// item in Chromium (B's page follows the item's live stream, which tells it to read the comments
// again), ROUNDS (20) times after one warm-up, against a reference measured in the same run: the
// POST's own round trip (the write alone, as A's client sees it). Prints each figure's median, min
// and max, the ratio of the medians, and the load average before and after.
// B's page notices the words with a MutationObserver installed before each POST, and stamps the
// moment with performance.timeOrigin + performance.now(), the same clock as this script's.
// The local server (embedded profile, built jar) on a fresh data folder and the Auth emulator, as
// the end-to-end tests start them (hosting/e2e/harness.mjs); needs `mvn -DskipTests package`,
// `npm run build -w hosting` and Chromium. Run from the repository root: node bench/live-comment.mjs

import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import {
  createAccount,
  launchBrowser,
  missingPrerequisite,
  openVerificationLink,
  PASSWORD,
  signIn,
  startServer,
  uniqueEmail,
} from "../hosting/e2e/harness.mjs";

const rounds = Number(process.env.ROUNDS ?? 20);
const why = missingPrerequisite();
if (why) {
  console.error(why);
  process.exit(1);
}

async function call(base, token, method, path, body, headers = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

const now = () => performance.timeOrigin + performance.now();
const fmt = (ms) => ms.toFixed(1);
function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1) };
}
const load = () => loadavg().map((n) => n.toFixed(2)).join(" ");

const loadBefore = load();
const server = await startServer();
const browser = await launchBrowser();
try {
  // A owns the project and the text; B joins it as the product allows: invited, verified, accepted.
  const a = uniqueEmail("bench-a");
  const b = uniqueEmail("bench-b");
  await createAccount(server.base, a);
  const aToken = (await signIn(server.base, a)).idToken;
  const projectId = (await call(server.base, aToken, "POST", "/api/projects", { name: "Live bench" })).id;
  const bAccount = await createAccount(server.base, b);
  const invitation = await call(server.base, aToken, "POST", `/api/projects/${projectId}/members`, { email: b, role: "viewer" });
  await fetch(`${server.base}/identitytoolkit.googleapis.com/v1/accounts:sendOobCode?key=demo-api-key`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ requestType: "VERIFY_EMAIL", idToken: bAccount.idToken }),
  });
  await openVerificationLink(b);
  await call(server.base, (await signIn(server.base, b)).idToken, "POST", `/api/invitations/${invitation.id}:accept`, {});
  const job = await call(server.base, aToken, "POST", `/api/projects/${projectId}/generations`,
    { kind: "text", prompt: "A note to comment on" }, { "Idempotency-Key": `bench-${Date.now()}` });
  let contentId;
  for (let i = 0; i < 300 && !contentId; i++) {
    const state = await call(server.base, aToken, "GET", `/api/projects/${projectId}/generations/${job.id}`);
    if (state.status === "completed") contentId = state.items[0].contentId;
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!contentId) throw new Error("the demo text was not generated");

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${server.base}/signin`);
  await page.getByLabel("Email address").fill(b);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Your projects" }).waitFor();
  // The measure starts once B's page has its live stream open (its answer's headers are in).
  const streaming = page.waitForResponse((r) => r.url().endsWith(`/contents/${contentId}/live`) && r.ok());
  await page.goto(`${server.base}/projects/${projectId}/contents/${contentId}`);
  await page.getByRole("heading", { level: 2, name: "Comments" }).waitFor();
  await streaming;

  const latencies = [];
  const posts = [];
  for (let round = 0; round <= rounds; round++) {
    const words = `Bench comment ${round} ${Math.random().toString(36).slice(2, 10)}`;
    await page.evaluate((text) => {
      window.__seen = undefined;
      const look = () => {
        if (document.body.textContent.includes(text)) {
          window.__seen = performance.timeOrigin + performance.now();
          observer.disconnect();
        }
      };
      const observer = new MutationObserver(look);
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    }, words);
    const started = now();
    await call(server.base, aToken, "POST", `/api/projects/${projectId}/contents/${contentId}/comments`,
      { body: words }, { "Idempotency-Key": `bench-${round}-${Date.now()}` });
    const posted = now();
    const seen = await (await page.waitForFunction(() => window.__seen, null, { polling: 50 })).jsonValue();
    if (round === 0) continue; // the warm-up: first compilations on both sides
    posts.push(posted - started);
    latencies.push(seen - started);
    // Let B's page settle (its other reads after the change) before the next comment.
    await page.waitForTimeout(300);
  }
  await context.close();

  const live = summary(latencies);
  const post = summary(posts);
  console.log(`live comment, ${rounds} rounds after 1 warm-up (ms)`);
  console.log(`  POST to B's DOM   median ${fmt(live.median)}  min ${fmt(live.min)}  max ${fmt(live.max)}`);
  console.log(`  POST round trip   median ${fmt(post.median)}  min ${fmt(post.min)}  max ${fmt(post.max)}`);
  console.log(`  ratio of medians  ${(live.median / post.median).toFixed(2)}`);
  console.log(`  load average      before ${loadBefore}  after ${load()}`);
} finally {
  await browser.close();
  await server.stop();
}
