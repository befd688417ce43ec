// Template authoring end to end: a person writes a template with two variables on the Templates
// screen, sees the prompt it makes as they type sample values, saves it, and tries it on two rows;
// the two outputs come back from a real job on the offline demo provider.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createAccount, launchBrowser, missingPrerequisite, PASSWORD, screenshots, startServer, uniqueEmail } from "./harness.mjs";

const skip = missingPrerequisite();

describe("template authoring, end to end", { skip: skip ?? false }, () => {
  let server;
  let browser;
  let project;
  let idToken;
  const email = uniqueEmail("templates");

  before(async () => {
    server = await startServer({ DEMO_CHUNK_DELAY: "0ms", DEMO_LATENCY: "50ms" });
    browser = await launchBrowser();
    ({ idToken } = await createAccount(server.base, email));
    const made = await fetch(`${server.base}/api/projects`, {
      method: "POST",
      headers: { Authorization: `Bearer ${idToken}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "Tea shop" }),
    });
    project = (await made.json()).id;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("writes a template with two variables, previews it and tries it on two rows", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.base}/projects/${project}/templates`);
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Templates" }).waitFor();
    await page.getByRole("button", { name: "Social post" }).waitFor();

    await page.getByRole("button", { name: "New template", exact: true }).click();
    const editor = page.getByRole("region", { name: "Template editor" });
    await editor.getByLabel("Name", { exact: true }).fill("Tagline");
    await editor.getByLabel("Prompt").fill("Write a tagline for {{product}} in a {{tone}} tone.");
    await editor.getByRole("button", { name: "Add them as variables" }).click();
    await editor.getByLabel("Type of tone").selectOption("choice");
    await editor.getByLabel("Options of tone").fill("warm\nbold");
    await editor.getByLabel("Default of tone").fill("warm");
    await editor.getByLabel("Max length of product").fill("40");

    // The preview follows the sample values as they change.
    const preview = editor.getByTestId("template-preview");
    await editor.getByLabel("Sample product").fill("green tea");
    await preview.getByText("Write a tagline for green tea in a warm tone.").waitFor();
    await editor.getByLabel("Sample tone").fill("bold");
    await preview.getByText("Write a tagline for green tea in a bold tone.").waitFor();

    await editor.getByRole("button", { name: "Save" }).click();
    await editor.getByRole("heading", { level: 2, name: "Tagline" }).waitFor();
    await editor.getByText("version 1", { exact: true }).waitFor();
    await page.getByRole("navigation", { name: "Templates" }).getByRole("button", { name: /Tagline/ }).waitFor();

    const tryIt = editor.getByRole("region", { name: "Try it" });
    await tryIt.getByLabel("Row 1 product").fill("green tea");
    await tryIt.getByRole("button", { name: "Add row" }).click();
    await tryIt.getByLabel("Row 2 product").fill("black coffee");
    await tryIt.getByLabel("Row 2 tone").fill("bold");
    await tryIt.getByRole("button", { name: "Try it" }).click();
    const outputs = tryIt.getByTestId("try-output");
    await outputs.nth(1).waitFor({ timeout: 60_000 });
    assert.equal(await outputs.count(), 2);
    for (let i = 0; i < 2; i++) {
      const text = await outputs.nth(i).innerText();
      assert.match(text, new RegExp(`Row ${i + 1} · completed`), text);
      assert.ok(!text.includes("(no text)"), text);
    }
    await screenshots(page, "template-tried");

    // Both rows were one real job of two items in the project's usage.
    const usage = await (await fetch(`${server.base}/api/projects/${project}`, { headers: { Authorization: `Bearer ${idToken}` } })).json();
    assert.equal(usage.usage.items, 2, JSON.stringify(usage.usage));
    await context.close();
  });
});
