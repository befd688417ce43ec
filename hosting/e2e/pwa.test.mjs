// The app as an installable PWA in Chromium: a valid linked manifest with icons that load, a
// service worker that registers and controls the page, precaches nothing from /api/** or /__/**,
// lets the app start with no network at all, and offers a new version when one is deployed.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { appendFile, rm } from "node:fs/promises";
import { join } from "node:path";
import {
  copyOfTheApp,
  launchBrowser,
  missingPrerequisite,
  PASSWORD,
  screenshots,
  startServer,
  uniqueEmail,
} from "./harness.mjs";

const skip = missingPrerequisite();

describe("Content Creator as an installable app", { skip: skip ?? false }, () => {
  let server;
  let browser;
  let context;
  let page;
  let root;

  before(async () => {
    // A copy of the built app, so the update test can deploy a "new version" of it.
    root = await copyOfTheApp();
    server = await startServer({}, root);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("links a manifest Chromium can install from", async () => {
    await page.goto(`${server.base}/`);
    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    assert.ok(href, "index.html links a manifest");
    const response = await page.request.get(new URL(href, server.base).href);
    assert.equal(response.status(), 200);
    assert.match(response.headers()["content-type"], /^application\/manifest\+json/);
    const manifest = await response.json();
    assert.equal(manifest.name, "Content Creator");
    assert.ok(manifest.short_name && manifest.short_name.length <= 12, "a short name that fits under an icon");
    assert.equal(manifest.display, "standalone");
    assert.equal(manifest.start_url, "/");
    assert.equal(manifest.scope, "/");
    assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/i);
    assert.match(manifest.background_color, /^#[0-9a-f]{6}$/i);
    const wanted = [
      { size: 192, purpose: "any" },
      { size: 512, purpose: "any" },
      { size: 512, purpose: "maskable" },
    ];
    for (const { size, purpose } of wanted) {
      const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}` && (i.purpose ?? "any").includes(purpose));
      assert.ok(icon, `a ${size}px ${purpose} icon`);
      // The icon loads and really has the size it claims.
      const natural = await page.evaluate(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        return [img.naturalWidth, img.naturalHeight];
      }, icon.src);
      assert.deepEqual(natural, [size, size], icon.src);
    }
    const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
    assert.equal((await page.request.get(new URL(apple, server.base).href)).status(), 200);
  });

  it("registers a service worker that controls the page", async () => {
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, `${server.base}/`);
    // A first visit is not controlled; from the next load on, the worker answers for the page.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller?.state), "activated");
    const sw = await page.request.get(`${server.base}/sw.js`);
    assert.equal(sw.headers()["cache-control"], "no-cache", "sw.js is never cached by HTTP, so updates are seen");
  });

  it("precaches the app shell and nothing from the API or the server's settings", async () => {
    const cached = await page.evaluate(async () => {
      const urls = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    assert.ok(cached.includes("/index.html"), "index.html is precached");
    assert.ok(cached.some((path) => /^\/assets\/index-.*\.js$/.test(path)), "the entry script is precached");
    assert.deepEqual(cached.filter((path) => path.startsWith("/api/") || path.startsWith("/__/")), []);
  });

  it("starts with no network and shows the sign-in screen", async () => {
    await context.setOffline(true);
    try {
      await page.reload();
      await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
      await page.getByRole("link", { name: "Content Creator" }).waitFor();
      // The API is not answered from a cache: offline, it fails.
      const api = await page.evaluate(() => fetch("/api/health").then((r) => r.status, () => "network error"));
      assert.equal(api, "network error");
    } finally {
      await context.setOffline(false);
    }
  });

  it("starts a signed-in person's app offline and says the projects can't load", async () => {
    await page.goto(`${server.base}/signin`);
    await page.getByRole("button", { name: "Create an account" }).click();
    await page.getByLabel("Email address").fill(uniqueEmail("offline"));
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { level: 1, name: "Your projects" }).waitFor();
    await context.setOffline(true);
    try {
      await page.reload();
      await page.getByRole("heading", { level: 1, name: "Your projects" }).waitFor();
      await page.getByRole("button", { name: "Sign out" }).waitFor();
      await page.getByRole("alert").filter({ hasText: /couldn't load your projects/i }).waitFor();
    } finally {
      await context.setOffline(false);
    }
  });

  it("offers a new version once it is deployed and reloads into it on request", async () => {
    await page.goto(`${server.base}/`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    const before = await page.evaluate(async () => (await navigator.serviceWorker.ready).active.scriptURL);
    // Deploy: any change to sw.js's bytes is a new version to the browser.
    await appendFile(join(root, "hosting", "dist", "sw.js"), `\n// deployed ${Date.now()}\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    // The offer is announced politely: it sits in a live region and takes no focus.
    const offer = page.getByText("A new version of Content Creator is ready.");
    await offer.waitFor();
    assert.equal(await offer.evaluate((text) => text.closest('[aria-live="polite"]') !== null), true);
    assert.equal(await page.evaluate(() => document.activeElement === document.body || document.activeElement?.tagName === "H1"), true);
    assert.equal(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration()).waiting)), true);
    await screenshots(page, "update-offer");
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Reload" }).click()]);
    await page.getByRole("heading", { level: 1 }).waitFor();
    const after = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { waiting: Boolean(registration.waiting), controller: navigator.serviceWorker.controller?.state };
    });
    assert.deepEqual(after, { waiting: false, controller: "activated" }, "the new worker took over");
    assert.equal(await page.getByText("A new version of Content Creator is ready.").count(), 0);
    assert.equal(before, `${server.base}/sw.js`);
  });
});
