// The light sign-in screen (plain HTML and a small script, no React) and its hand-overs to the app:
// plain words for a wrong password or an unreachable Google, the way back to a deep link, signing out back to it, and an
// email link opened on a device that never asked for it.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createAccount, launchBrowser, missingPrerequisite, PASSWORD, startServer, uniqueEmail } from "./harness.mjs";

const skip = missingPrerequisite();

describe("Signing in", { skip: skip ?? false }, () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The address of the last sign-in link the emulator would have emailed to `email`. */
  async function emailedLink(email) {
    const config = await (await fetch(`${server.base}/__/firebase/init.json`)).json();
    const codes = await (await fetch(`${config.authEmulatorUrl}/emulator/v1/projects/${config.projectId}/oobCodes`)).json();
    const code = codes.oobCodes.filter((entry) => entry.email === email && entry.requestType === "EMAIL_SIGNIN").at(-1);
    assert.ok(code, `the emulator holds a sign-in link for ${email}`);
    return `${server.base}/signin?apiKey=${config.apiKey}&oobCode=${code.oobCode}&mode=signIn&lang=en`;
  }

  /** A fresh browser profile (nobody signed in, nothing remembered) and a page in it. */
  async function freshPage(t) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    t.after(() => context.close());
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    return page;
  }

  it("loads neither React nor Chakra for someone signed out", async (t) => {
    const page = await freshPage(t);
    const scripts = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${server.base}/signin`);
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    // Everything the screen loads by itself is in once the Firebase SDK is, and the page has loaded.
    await page.waitForFunction(
      () => document.readyState === "complete" && performance.getEntriesByType("resource").some((entry) => /\/firebase-/.test(entry.name)),
    );
    assert.deepEqual(
      scripts.filter((path) => /\/(react|app-root|App|PageTitle)-/.test(path)),
      [],
      `scripts fetched: ${scripts.join(", ")}`,
    );
    assert.equal(await page.getByRole("heading", { level: 1 }).count(), 1, "one h1");
    // The screen works, and says what went wrong in plain words.
    await page.getByLabel("Email address").fill(uniqueEmail("nobody"));
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: "The email address or password is wrong." }).waitFor();
  });

  it("says which field is missing and puts the focus on it", async (t) => {
    const page = await freshPage(t);
    await page.goto(`${server.base}/signin`);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: "Enter your email address." }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "signin-email");
    assert.equal(await page.getByLabel("Email address").getAttribute("aria-invalid"), "true");
    await page.getByLabel("Email address").fill("ada@example.com");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: "Enter your password." }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "signin-password");
  });

  it("says in plain words when Google's sign-in can't be reached", async (t) => {
    const page = await freshPage(t);
    await page.goto(`${server.base}/signin`);
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    // The Firebase SDK is in before the network goes.
    await page.waitForFunction(() => performance.getEntriesByType("resource").some((entry) => /\/firebase-/.test(entry.name)));
    await page.context().setOffline(true);
    await page.getByRole("button", { name: "Continue with Google" }).click();
    await page.getByRole("alert").filter({ hasText: "Can't reach Google's sign-in service from here." }).waitFor();
    assert.equal(await page.getByRole("button", { name: "Continue with Google" }).getAttribute("aria-disabled"), "false", "free to try again");
  });

  it("brings someone signed out back to the deep link they opened, and signing out forgets it", async (t) => {
    const email = uniqueEmail("deeplink");
    await createAccount(server.base, email);
    const page = await freshPage(t);
    await page.goto(`${server.base}/account?from=mail`);
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    assert.equal(new URL(page.url()).pathname, "/signin");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, "/account?from=mail");
    // The control used to sign in is gone: the new screen's title has the focus.
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), "H1");

    await page.getByRole("button", { name: "Sign out" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    assert.equal(new URL(page.url()).pathname, "/signin");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "signin-title");
    assert.equal(await page.getByLabel("Password").inputValue(), "", "the password typed before is gone");
    // Signing in again after signing out on purpose starts at the projects, not the last screen.
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Your projects" }).waitFor();
    assert.equal(new URL(page.url()).pathname, "/");
  });

  it("finishes an email link on another device by asking for the address", async (t) => {
    const email = uniqueEmail("link");
    const asking = await freshPage(t);
    await asking.goto(`${server.base}/signin`);
    await asking.getByRole("button", { name: "Email me a link" }).click();
    assert.equal(await asking.getByLabel("Password").isVisible(), false, "no password field for a link");
    await asking.getByLabel("Email address").fill(email);
    await asking.getByRole("button", { name: "Email me a sign-in link" }).click();
    await asking.getByRole("status").filter({ hasText: `We sent a sign-in link to ${email}` }).waitFor();

    // Another device: nothing remembered, so the screen asks for the address first.
    const other = await freshPage(t);
    await other.goto(await emailedLink(email));
    await other.getByRole("heading", { level: 1, name: "Finish signing in" }).waitFor();
    await other.getByRole("status").filter({ hasText: "Enter the email address you asked for the link with" }).waitFor();
    await other.getByLabel("Email address").fill(email);
    await other.getByRole("button", { name: "Sign in", exact: true }).click();
    await other.getByRole("heading", { level: 1, name: "Your projects" }).waitFor();
    assert.equal(new URL(other.url()).pathname, "/");
  });

  it("signs in from an email link on the device that asked for it, and goes on to the deep link", async (t) => {
    const email = uniqueEmail("samedevice");
    const page = await freshPage(t);
    await page.goto(`${server.base}/account`);
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await page.getByRole("button", { name: "Email me a link" }).click();
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await page.getByRole("status").filter({ hasText: `We sent a sign-in link to ${email}` }).waitFor();
    // This device remembers the address and the screen: the link needs nothing more.
    await page.goto(await emailedLink(email));
    await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
    assert.equal(new URL(page.url()).pathname, "/account");
    // The used link's request is forgotten (once the sign-in call has returned).
    await page.waitForFunction(
      () => localStorage.getItem("sign-in-link-email") === null && localStorage.getItem("sign-in-link-next") === null,
    );
  });
});
