// The app end to end, as two people use it: the owner signs up, creates a project, generates text
// (watching it stream) and an image (seeing its thumbnail), invites a second person as a viewer;
// the viewer signs in and finds generating closed to them, with the reason. Screenshots of each
// screen are saved at a phone, a tablet and a desktop size under e2e/screenshots/.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  createAccount,
  launchBrowser,
  missingPrerequisite,
  PASSWORD,
  screenshots,
  signIn,
  startServer,
  uniqueEmail,
} from "./harness.mjs";

const skip = missingPrerequisite();

describe("Content Creator, end to end", { skip: skip ?? false }, () => {
  let server;
  let browser;
  let page;
  let projectId;
  const owner = uniqueEmail("owner");
  const viewer = uniqueEmail("viewer");
  const projectName = `Bakery launch ${Date.now().toString(36)}`;

  before(async () => {
    // A slower demo stream, so the words can be seen arriving before the item completes.
    server = await startServer({ DEMO_CHUNK_DELAY: "80ms" });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(20_000);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("signs a new person up and shows their projects", async () => {
    await page.goto(`${server.base}/`);
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await screenshots(page, "sign-in");
    await page.getByRole("button", { name: "Create an account" }).click();
    await page.getByLabel("Email address").fill(owner);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { level: 1, name: "Your projects" }).waitFor();
    assert.equal(new URL(page.url()).pathname, "/");
  });

  it("creates a project and opens it", async () => {
    await page.getByLabel("Name").fill(projectName);
    await page.getByRole("button", { name: "Create project" }).click();
    await page.getByRole("heading", { level: 1, name: projectName }).waitFor();
    projectId = decodeURIComponent(new URL(page.url()).pathname.split("/")[2] ?? "");
    assert.ok(projectId, `the project's address names it: ${page.url()}`);
    await screenshots(page, "projects-new");
  });

  it("streams generated text into the page before the item completes", async () => {
    const prompt = "Three taglines for a bakery";
    await page.getByLabel("Kind").selectOption("text");
    await page.getByLabel("How many").fill("1");
    await page.getByLabel("Prompt").fill(prompt);
    await page.getByRole("button", { name: "Generate" }).click();

    // Some words are on the page while the job is still running...
    const partial = await (
      await page.waitForFunction(() => {
        const text = document.querySelector('article[aria-busy="true"] [data-testid="streamed-text"]')?.textContent;
        return text ? text : null;
      })
    ).jsonValue();
    // ...and more follow until it ends.
    const job = page.getByRole("article").filter({ has: page.getByRole("heading", { name: `Text: ${prompt}` }) });
    await job.and(page.locator('[aria-busy="false"]')).waitFor();
    const final = await job.getByTestId("streamed-text").textContent();
    assert.ok(final.startsWith(partial), "the streamed words stay and are added to");
    assert.ok(final.length > partial.length, `text kept arriving after "${partial}"`);
    await job.getByText(/1 of 1|completed|done/i).first().waitFor();
  });

  it("generates an image and shows its thumbnail", async () => {
    await page.getByLabel("Kind").selectOption("image");
    await page.getByLabel("How many").fill("1");
    await page.getByLabel("Prompt").fill("A lighthouse at dusk, watercolour");
    await page.getByRole("button", { name: "Generate" }).click();
    const contents = page.getByRole("region", { name: "Contents" });
    const thumbnail = contents.getByRole("img").first();
    await thumbnail.waitFor();
    // The picture really decoded: a broken image has no natural width.
    await page.waitForFunction(
      () => [...document.querySelectorAll('section[aria-labelledby="contents-title"] img')].some((img) => img.complete && img.naturalWidth > 0),
    );
    const width = await thumbnail.evaluate((img) => img.naturalWidth);
    assert.ok(width > 0, "the thumbnail has pixels");
    await screenshots(page, "project");
  });

  it("invites a second person as a viewer", async (t) => {
    await createAccount(server.base, viewer);
    await page.goto(`${server.base}/projects/${encodeURIComponent(projectId)}/members`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    if ((await page.getByRole("heading", { level: 1 }).textContent()) === "Page not found") {
      // Until the members screen is part of the build, the owner adds the viewer through the API,
      // so the viewer's part below still runs; the skip says so in the test report.
      const { idToken } = await signIn(server.base, owner);
      const added = await fetch(`${server.base}/api/projects/${encodeURIComponent(projectId)}/members`, {
        method: "POST",
        headers: { authorization: `Bearer ${idToken}`, "content-type": "application/json" },
        body: JSON.stringify({ email: viewer, role: "viewer" }),
      });
      assert.equal(added.status, 201, await added.text());
      t.skip("no members screen at /projects/:id/members in this build; the viewer was added through the API");
      return;
    }
    await page.getByLabel(/e-?mail/i).fill(viewer);
    const role = page.getByLabel(/^role$/i);
    if ((await role.evaluate((element) => element.tagName)) === "SELECT") await role.selectOption("viewer");
    else {
      await role.click();
      await page.getByRole("option", { name: /viewer/i }).click();
    }
    await page.getByRole("button", { name: /invite/i }).click();
    await page.getByText(viewer).first().waitFor();
    await screenshots(page, "members");
  });

  it("shows the viewer the project and why they can't generate", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const second = await context.newPage();
      second.setDefaultTimeout(20_000);
      await second.goto(`${server.base}/signin`);
      await second.getByLabel("Email address").fill(viewer);
      await second.getByLabel("Password").fill(PASSWORD);
      await second.getByRole("button", { name: "Sign in" }).click();
      await second.getByRole("heading", { level: 1, name: "Your projects" }).waitFor();
      await second.getByRole("link", { name: projectName }).click();
      await second.getByRole("heading", { level: 1, name: projectName }).waitFor();
      await second.getByText(/ask an owner/i).waitFor();
      assert.equal(await second.getByRole("button", { name: "Generate" }).count(), 0, "a viewer has no Generate button");
      await screenshots(second, "project-viewer");
    } finally {
      await context.close();
    }
  });
});
