// What every end-to-end test needs: the built local server on a port and data folder of its own,
// the Firebase Auth emulator it signs people in with, and Debian's Chromium driven by playwright-core.

import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const screenshotDir = join(repo, "hosting", "e2e", "screenshots");
const jar = join(repo, "local", "target", "local.jar");
const dist = join(repo, "hosting", "dist", "index.html");
const emulatorHost = process.env.FIREBASE_AUTH_EMULATOR_HOST ?? "127.0.0.1:9099";

/** The screen sizes every screenshot is taken at: a phone, a tablet and a desktop. */
export const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "tablet", width: 820, height: 1180 },
  { name: "desktop", width: 1440, height: 900 },
];

/** CHROME_PATH when set, else Debian's Chromium; null when it isn't there. */
export function chromiumPath() {
  const candidates = process.env.CHROME_PATH ? [process.env.CHROME_PATH] : ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((path) => existsSync(path)) ?? null;
}

/**
 * Why the end-to-end tests can't run here, in words; null when they can. With E2E_REQUIRED set
 * (the project's test command sets it) a missing prerequisite fails the run instead of skipping it.
 */
export function missingPrerequisite() {
  const why = prerequisiteProblem();
  if (why && process.env.E2E_REQUIRED) throw new Error(`the end-to-end tests cannot run: ${why}`);
  return why;
}

function prerequisiteProblem() {
  if (!chromiumPath()) {
    const where = process.env.CHROME_PATH ?? "/usr/bin/chromium";
    return `no Chromium at ${where} (apt-get install chromium, or set CHROME_PATH).`;
  }
  if (!existsSync(jar)) return `${jar} is missing: build the server first (mvn -DskipTests package).`;
  if (!existsSync(dist)) return "hosting/dist is missing: build the web app first (npm run build -w hosting).";
  return null;
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function answers(url) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

async function waitFor(check, what, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Starts `java -jar local/target/local.jar` on a free port with a fresh data folder, after making
 * sure the Auth emulator answers (scripts/auth-emulator.sh reuses a running one or starts it).
 * Returns { base, stop }. `env` adds settings, such as a slower demo provider; `root` serves
 * another copy of firebase.json and hosting/dist than the repository's.
 */
export async function startServer(env = {}, root = repo) {
  if (!(await answers(`http://${emulatorHost}/`))) {
    await mkdir(join(repo, "target", "e2e"), { recursive: true });
    const started = spawnSync(join(repo, "scripts", "auth-emulator.sh"), {
      cwd: repo,
      env: { ...process.env, DATA_DIR: join(repo, "target", "e2e"), FIREBASE_AUTH_EMULATOR_HOST: emulatorHost },
      stdio: "inherit",
    });
    if (started.status !== 0) throw new Error("The Firebase Auth emulator didn't start (scripts/auth-emulator.sh).");
  }
  const port = await freePort();
  const data = await mkdtemp(join(tmpdir(), "cc-e2e-"));
  const log = [];
  const server = spawn("java", ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar], {
    cwd: repo,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: data,
      PROJECT_ROOT: root,
      AUTH_EMULATOR: "auto",
      FIREBASE_AUTH_EMULATOR_HOST: emulatorHost,
      RATE_LIMIT_PER_USER: "off",
      RATE_LIMIT_PER_IP: "off",
      BACKUP_INTERVAL: "off",
      OPENAI_API_KEY: "",
      GOAPI_API_KEY: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.on("data", (chunk) => log.push(chunk));
  server.stderr.on("data", (chunk) => log.push(chunk));
  const exited = new Promise((resolve) => server.once("exit", resolve));
  const base = `http://127.0.0.1:${port}`;
  try {
    let gone = false;
    void exited.then(() => (gone = true));
    await waitFor(async () => {
      if (gone) throw new Error(`The local server stopped while starting:\n${Buffer.concat(log).toString()}`);
      return answers(`${base}/api/health`);
    }, "the local server to answer /api/health", 60_000);
  } catch (error) {
    server.kill("SIGTERM");
    await exited;
    await rm(data, { recursive: true, force: true });
    throw error;
  }
  return {
    base,
    log: () => Buffer.concat(log).toString(),
    async stop() {
      server.kill("SIGTERM");
      await exited;
      await rm(data, { recursive: true, force: true });
    },
  };
}

/** A copy of firebase.json and hosting/dist in a temporary folder, for a test that changes the app. */
export async function copyOfTheApp() {
  const root = await mkdtemp(join(tmpdir(), "cc-e2e-app-"));
  await cp(join(repo, "firebase.json"), join(root, "firebase.json"));
  await cp(join(repo, "hosting", "dist"), join(root, "hosting", "dist"), { recursive: true });
  return root;
}

/** An address no other run uses, since the emulator is shared. */
export function uniqueEmail(who) {
  return `${who}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

export const PASSWORD = "secret-e2e-1";

/** Creates an account through the emulator's REST API (as another person would have done earlier). */
export async function createAccount(base, email) {
  const response = await fetch(`${base}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=demo-api-key`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD, returnSecureToken: true }),
  });
  if (!response.ok) throw new Error(`The emulator refused to create ${email}: ${await response.text()}`);
  return response.json();
}

/** Signs in through the emulator's REST API; gives { idToken, localId }. */
export async function signIn(base, email) {
  const response = await fetch(`${base}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-api-key`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD, returnSecureToken: true }),
  });
  if (!response.ok) throw new Error(`The emulator refused to sign ${email} in: ${await response.text()}`);
  return response.json();
}

/**
 * Opens the link of the latest verification message the Auth emulator "sent" to `email` (it keeps
 * them at /emulator/v1/projects/{project}/oobCodes), as the person would from their inbox.
 */
export async function openVerificationLink(email, project = "demo-contentcreator") {
  const listed = await fetch(`http://${emulatorHost}/emulator/v1/projects/${project}/oobCodes`);
  if (!listed.ok) throw new Error(`The emulator did not list its messages: ${await listed.text()}`);
  const codes = (await listed.json()).oobCodes ?? [];
  const latest = codes.filter((c) => c.email === email && c.requestType === "VERIFY_EMAIL").at(-1);
  if (!latest) throw new Error(`No verification message was sent to ${email}`);
  const applied = await fetch(`http://${emulatorHost}/identitytoolkit.googleapis.com/v1/accounts:update?key=demo-api-key`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ oobCode: latest.oobCode }),
  });
  if (!applied.ok) throw new Error(`The emulator refused the verification code: ${await applied.text()}`);
}

/**
 * Saves full-page screenshots of the page at each of VIEWPORTS, in light and dark colours
 * (name-390x844.png, name-dark-390x844.png, ...), then restores its size and colours. Fails when
 * the page scrolls sideways at any of the sizes.
 */
export async function screenshots(page, name) {
  await mkdir(screenshotDir, { recursive: true });
  const before = page.viewportSize();
  for (const scheme of ["light", "dark"]) {
    // The app follows the system's colours until the person picks some.
    await page.emulateMedia({ colorScheme: scheme });
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      // Layout settles on the next frames; the picture is taken after them.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const suffix = `${scheme === "dark" ? "-dark" : ""}-${viewport.width}x${viewport.height}`;
      await page.screenshot({ path: join(screenshotDir, `${name}${suffix}.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) throw new Error(`${name} scrolls sideways by ${overflow}px at ${viewport.width}px wide.`);
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  if (before) await page.setViewportSize(before);
}
