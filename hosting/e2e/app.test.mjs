// The app end to end, as two people use it: the owner signs up, creates a project, generates text
// (watching it stream) and an image (seeing its thumbnail), invites a second person as a viewer;
// the viewer signs in, is asked to verify their address, verifies it, accepts the invitation, and
// finds generating closed to them, with the reason. Screenshots of each
// screen are saved at a phone, a tablet and a desktop size under e2e/screenshots/.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  createAccount,
  launchBrowser,
  missingPrerequisite,
  openVerificationLink,
  PASSWORD,
  screenshots,
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

  /** A new page of `context`, signed in as the viewer and showing their projects. */
  async function signInAsViewer(context) {
    const signedIn = await context.newPage();
    signedIn.setDefaultTimeout(20_000);
    await signedIn.goto(`${server.base}/signin`);
    await signedIn.getByLabel("Email address").fill(viewer);
    await signedIn.getByLabel("Password").fill(PASSWORD);
    await signedIn.getByRole("button", { name: "Sign in" }).click();
    await signedIn.getByRole("heading", { level: 1, name: "Your projects" }).waitFor();
    return signedIn;
  }

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

  it("takes the image through review and shows each step in the activity log", async () => {
    await page.locator('section[aria-labelledby="contents-title"] a[href*="/contents/"]').first().click();
    const review = page.getByRole("region", { name: "Review" });
    await review.getByRole("button", { name: "Submit for review" }).click();
    await review.getByText("In review").first().waitFor();
    await review.getByLabel(/^Note/).fill("Lovely light");
    await review.getByRole("button", { name: "Approve" }).click();
    await review.getByRole("button", { name: "Back to draft" }).waitFor();
    await review.getByText("Lovely light").waitFor();
    await screenshots(page, "content-review");
    await page.getByRole("link", { name: projectName }).first().click();
    await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Activity" }).click();
    await page.getByRole("heading", { level: 1, name: "Activity" }).waitFor();
    await page.getByText(/approved “/).first().waitFor();
    await page.getByText(/submitted “.*” for review/).first().waitFor();
    assert.equal(await page.getByRole("button", { name: "Export as CSV" }).count(), 1, "the owner may export the log");
    await screenshots(page, "activity");
  });

  it("invites a second person as a viewer through the members screen", async () => {
    await createAccount(server.base, viewer);
    await page.goto(`${server.base}/projects/${encodeURIComponent(projectId)}/members`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.getByLabel(/e-?mail/i).fill(viewer);
    const role = page.getByLabel(/^role$/i);
    if ((await role.evaluate((element) => element.tagName)) === "SELECT") await role.selectOption("viewer");
    else {
      await role.click();
      await page.getByRole("option", { name: /viewer/i }).click();
    }
    await page.getByRole("button", { name: /invite/i }).click();
    // The invitation waits for them: they are not a member until they accept.
    const pending = page.getByRole("region", { name: /pending invitations/i });
    const row = pending.getByRole("listitem", { name: `Invitation to ${viewer}` });
    await row.waitFor();
    const link = await row.getByRole("textbox", { name: `Accept link for ${viewer}` }).inputValue();
    assert.match(link, /\/invitations\/[A-Za-z0-9]+#token=[A-Za-z0-9_-]{40,}$/, "the owner can copy an accept link");
    const people = page.getByRole("region", { name: /people in this project/i });
    assert.equal(await people.getByText(viewer).count(), 0, "nobody joins before accepting");
    await screenshots(page, "members");
  });

  it("asks the viewer to verify their address, then lets them accept", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const second = await signInAsViewer(context);
      await second.getByText("Verify your e-mail address").waitFor();
      assert.equal(await second.getByRole("link", { name: projectName }).count(), 0, "not a member before accepting");
      await screenshots(second, "verify-email");
      await second.getByRole("button", { name: "Send verification e-mail" }).click();
      await second.getByText(/^Sent\./).waitFor();
      await openVerificationLink(viewer);
      await second.getByRole("button", { name: "I've verified it" }).click();
      const invitation = second.getByRole("listitem", { name: `Invitation to ${projectName}` });
      await invitation.waitFor();
      await screenshots(second, "invitations");
      await invitation.getByRole("button", { name: "Accept" }).click();
      await second.getByRole("heading", { level: 1, name: projectName }).waitFor();
    } finally {
      await context.close();
    }
  });

  it("shows the viewer the project and why they can't generate", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const second = await signInAsViewer(context);
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
