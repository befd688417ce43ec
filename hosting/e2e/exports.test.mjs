// Exports end to end: a small batch is run, its CSV downloaded from the batch's run history with a
// row whose variable starts with "=" written as text; an owner sets the project's export style;
// one of the run's texts is downloaded as Word and PDF from its page; the gallery's ZIP is built in the
// background and downloaded through its signed link.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, it } from "node:test";
import { createAccount, launchBrowser, missingPrerequisite, PASSWORD, screenshots, startServer, uniqueEmail } from "./harness.mjs";

const skip = missingPrerequisite();

describe("exports, end to end", { skip: skip ?? false }, () => {
  let server;
  let browser;
  let idToken;
  let project;
  let batch;
  const email = uniqueEmail("exports");

  async function call(method, path, body) {
    const response = await fetch(`${server.base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${idToken}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
  }

  before(async () => {
    server = await startServer({ DEMO_LATENCY: "0ms", DEMO_CHUNK_DELAY: "0ms" });
    browser = await launchBrowser();
    ({ idToken } = await createAccount(server.base, email));
    project = (await call("POST", "/api/projects", { name: "Export shop" })).json.id;
    const template = (await call("POST", "/api/templates", {
      projectId: project,
      name: "Line",
      kind: "text",
      body: "One line about {{product}}",
      variables: [{ name: "product", type: "string", required: true }],
    })).json.id;
    batch = (await call("POST", `/api/projects/${project}/batches`, {
      name: "Spring lines",
      templateId: template,
      schedule: "0 9 * * 1",
      rows: [{ product: "=SUM(A1:A9)" }, { product: "Green tea" }],
    })).json.id;
    assert.equal((await call("POST", `/api/projects/${project}/batches/${batch}/run`)).status, 201);
    for (let i = 0; i < 300; i++) {
      const last = (await call("GET", `/api/projects/${project}/batches/${batch}/runs`)).json.items[0];
      if (last.status === "completed" && last.completed === 2) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error("the run did not complete");
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedInPage(path) {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.base}${path}`);
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    return { context, page };
  }

  async function download(page, button) {
    const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
    return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
  }

  it("downloads a run's CSV from the batch screen, a formula written as text", async () => {
    const { context, page } = await signedInPage(`/projects/${project}/batches/${batch}`);
    const button = page.getByRole("button", { name: /^Download CSV of the run of / });
    await button.waitFor();
    const csv = await download(page, button);
    assert.match(csv.name, /^Spring-lines-run-\d{8}-\d{4}\.csv$/);
    const lines = csv.bytes.toString("utf8").split("\r\n");
    assert.equal(lines[0], "row,product,status,output,contentId,reason,costMicros,cost,variablesFrom");
    assert.match(lines[1], /^1,'=SUM\(A1:A9\),completed,/, "the formula starts with an apostrophe");
    assert.match(lines[2], /^2,Green tea,completed,/);
    assert.equal(lines[3], "", "two rows, each ending in CRLF");
    await context.close();
  });

  it("sets the export style and downloads an item as Word and PDF", async () => {
    const { context, page } = await signedInPage(`/projects/${project}/export-style`);
    await page.getByRole("heading", { level: 1, name: "Export style" }).waitFor();
    await page.getByLabel("Headings").selectOption("serif");
    await page.getByLabel("Footer line").fill("Export shop, for the team");
    await page.getByRole("button", { name: "Save style" }).click();
    await page.getByText("Saved. The next exports use it.").waitFor();
    await screenshots(page, "export-style");
    const saved = (await call("GET", `/api/projects/${project}/export-style`)).json;
    assert.equal(saved.headingFont, "serif");
    assert.equal(saved.footer, "Export shop, for the team");

    const contents = (await call("GET", `/api/projects/${project}/contents?kind=text`)).json.items;
    assert.ok(contents.length >= 2, "the run made two texts");
    await page.goto(`${server.base}/projects/${project}/contents/${contents[0].id}`);
    const word = await download(page, page.getByRole("button", { name: "Export Word" }));
    assert.match(word.name, /-v1\.docx$/);
    assert.equal(word.bytes.subarray(0, 2).toString("latin1"), "PK", "a Word file is a ZIP");
    assert.ok(word.bytes.includes(Buffer.from("word/document.xml")), "with a Word body");
    const pdf = await download(page, page.getByRole("button", { name: "Export PDF" }));
    assert.match(pdf.name, /-v1\.pdf$/);
    assert.equal(pdf.bytes.subarray(0, 5).toString("latin1"), "%PDF-");
    await context.close();
  });

  it("builds the gallery's ZIP in the background and offers it through a signed link", async () => {
    const { context, page } = await signedInPage(`/projects/${project}/gallery`);
    await page.getByRole("button", { name: "Download all (ZIP)" }).click();
    const link = page.getByRole("link", { name: /^Download .*-media\.zip/ });
    await link.waitFor();
    const href = await link.getAttribute("href");
    assert.match(href, /^\/api\/downloads\/[A-Za-z0-9-]+\?expires=\d+&sig=[A-Za-z0-9_-]+$/);
    const zip = await download(page, link);
    assert.equal(zip.name, "Export-shop-media.zip");
    assert.equal(zip.bytes.subarray(0, 2).toString("latin1"), "PK");
    await context.close();
  });
});
