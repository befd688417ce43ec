// API keys end to end: a person makes a key for one project on the account screen, sees it once
// with a copy button, the key reads that project through the API and is refused another; the list
// shows its last use; revoking it there ends it at once.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createAccount, launchBrowser, missingPrerequisite, PASSWORD, screenshots, startServer, uniqueEmail } from "./harness.mjs";

const skip = missingPrerequisite();

describe("API keys, end to end", { skip: skip ?? false }, () => {
  let server;
  let browser;
  let idToken;
  let kept;
  let other;
  const email = uniqueEmail("keys");

  async function call(method, path, token, body) {
    const response = await fetch(`${server.base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.text() };
  }

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ idToken } = await createAccount(server.base, email));
    kept = JSON.parse((await call("POST", "/api/projects", idToken, { name: "Key garden" })).body).id;
    other = JSON.parse((await call("POST", "/api/projects", idToken, { name: "Elsewhere" })).body).id;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("makes a key for one project, shows it once, and revokes it", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.base}/account`);
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "API keys" }).waitFor();
    await page.getByText("No keys yet.").waitFor();

    await page.getByRole("button", { name: "New key" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("Publishing script");
    await dialog.getByLabel("Reaches").selectOption({ label: "Key garden" });
    await dialog.getByLabel("Role").selectOption({ label: "Editor" });
    await dialog.getByRole("button", { name: "Make key" }).click();
    await dialog.getByText("Copy it now: the key is shown only this once.").waitFor();
    const key = await dialog.getByLabel("API key").inputValue();
    assert.match(key, /^cck_[A-Za-z0-9]{20}_[A-Za-z0-9_-]{43}$/);
    await dialog.getByRole("button", { name: "Copy key" }).waitFor();
    await screenshots(page, "api-key-made");
    await dialog.getByRole("button", { name: "Done" }).click();

    assert.equal((await call("GET", `/api/projects/${kept}`, key)).status, 200);
    assert.equal((await call("GET", `/api/projects/${other}`, key)).status, 404);

    await page.reload();
    const row = page.getByRole("row", { name: /Publishing script/ });
    await row.getByText("Key garden").waitFor();
    await row.getByText("Editor").waitFor();
    assert.equal(await row.getByText("never").count(), 0, "the list shows the key's last use");
    assert.equal(await page.getByText(key).count(), 0, "the list never shows the key");
    await row.getByRole("button", { name: "Revoke Publishing script" }).click();
    await row.getByText("Revoked").waitFor();
    assert.equal((await call("GET", `/api/projects/${kept}`, key)).status, 401);
    await context.close();
  });
});
