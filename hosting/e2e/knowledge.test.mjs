// Brand knowledge end to end: an editor uploads a Markdown guide on the project's Knowledge screen,
// sees it ready with its passages, searches it and sees the answering passage with its score;
// a generation made with "Use brand knowledge" lists the passages it was given under its text.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createAccount, launchBrowser, missingPrerequisite, PASSWORD, screenshots, startServer, uniqueEmail } from "./harness.mjs";

const skip = missingPrerequisite();

const GUIDE = `# Harbour Bakery brand guide

## Returns
Customers may return any unopened product within 45 days of purchase for a full refund.

## Mascot
Our mascot is Pip, a small teal heron who wears a flour-dusted apron.

## Voice
We write warmly and plainly, in short sentences, and never use exclamation marks.
`;

describe("brand knowledge, end to end", { skip: skip ?? false }, () => {
  let server;
  let browser;
  let idToken;
  let project;
  const email = uniqueEmail("knowledge");

  async function call(method, path, body) {
    const response = await fetch(`${server.base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${idToken}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return JSON.parse((await response.text()) || "null");
  }

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ idToken } = await createAccount(server.base, email));
    project = (await call("POST", "/api/projects", { name: "Harbour Bakery" })).id;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("uploads a guide, searches it, and shows the passages a generation used", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${server.base}/projects/${project}/knowledge`);
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByText("No documents yet.").waitFor();

    await page.getByLabel("Upload a document").setInputFiles({ name: "brand-guide.md", mimeType: "text/markdown", buffer: Buffer.from(GUIDE) });
    const row = page.getByRole("row", { name: /brand-guide\.md/ });
    await row.getByText("Ready: 3 passages").waitFor();

    await page.getByRole("textbox", { name: "Question" }).fill("Which bird represents the bakery?");
    await page.getByRole("button", { name: "Search" }).click();
    const results = page.getByRole("region", { name: "Search the knowledge" }).getByRole("listitem");
    await results.first().getByText(/teal heron/).waitFor();
    await results.first().getByText(/%$/).waitFor();
    await screenshots(page, "knowledge");

    await page.goto(`${server.base}/projects/${project}`);
    await page.getByLabel("Kind").selectOption("text");
    await page.getByLabel("Prompt").fill("A short post about our returns policy");
    await page.getByLabel(/Use brand knowledge/).check();
    await page.getByRole("button", { name: "Generate" }).click();
    let contentId = null;
    for (let i = 0; i < 300 && !contentId; i++) {
      const listed = await call("GET", `/api/projects/${project}/contents`);
      contentId = listed.items[0]?.id ?? null;
      if (!contentId) await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(contentId, "the generation made an item");
    await page.goto(`${server.base}/projects/${project}/contents/${contentId}`);
    const used = page.getByRole("region", { name: "Brand knowledge used" });
    await used.getByRole("heading", { name: /passages? of brand knowledge used/ }).waitFor();
    await used.getByText(/45 days/).waitFor();
    await screenshots(page, "knowledge-used");
    await context.close();
  });
});
