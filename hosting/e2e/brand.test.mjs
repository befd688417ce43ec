// Brand kits end to end: an owner makes a second brand kit that bans a word, generates a text in it
// with the offline demo (which writes the prompt's words, so a prompt with the banned word makes a
// text that breaks the rule), sees the finding on the item, presses Fix, and the finding is gone
// (the demo leaves out a banned term a fix names, as a model told what it broke would).

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createAccount, launchBrowser, missingPrerequisite, PASSWORD, screenshots, startServer, uniqueEmail } from "./harness.mjs";

const skip = missingPrerequisite();

describe("Brand kits, end to end", { skip: skip ?? false }, () => {
  let server;
  let browser;
  let page;
  const owner = uniqueEmail("brand-owner");
  const projectName = `Kits ${Date.now().toString(36)}`;

  before(async () => {
    server = await startServer({ DEMO_CHUNK_DELAY: "1ms" });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(30_000);
    await createAccount(server.base, owner);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("signs in and creates a project", async () => {
    await page.goto(`${server.base}/signin`);
    await page.getByLabel("Email address").fill(owner);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Your projects" }).waitFor();
    await page.getByLabel("Name").fill(projectName);
    await page.getByRole("button", { name: "Create project" }).click();
    await page.getByRole("heading", { level: 1, name: projectName }).waitFor();
  });

  it("makes a brand kit with a banned word beside the default one", async () => {
    await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Brand kits" }).click();
    await page.getByRole("heading", { level: 1, name: "Brand kits" }).waitFor();
    // The project's voice from before kits is the default kit.
    await page.getByRole("region", { name: "Brand kit Default" }).getByText("default", { exact: true }).waitFor();
    const form = page.getByRole("form", { name: "New brand kit" });
    await form.getByLabel("Name").fill("Bakery");
    await form.getByLabel("Banned words").fill("sourdough");
    await form.getByRole("button", { name: "Add kit" }).click();
    const kit = page.getByRole("region", { name: "Brand kit Bakery" });
    await kit.getByText("bans sourdough").waitFor();
    await screenshots(page, "brand-kits");
  });

  it("generates in that kit and shows the finding on the item", async () => {
    await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Contents" }).click();
    await page.getByRole("heading", { level: 1, name: projectName }).waitFor();
    await page.getByLabel("Kind").selectOption("text");
    await page.getByLabel("Brand kit").selectOption({ label: "Bakery" });
    await page.getByLabel("How many").fill("1");
    await page.getByLabel("Prompt").fill("Write about sourdough loaves");
    await page.getByRole("button", { name: "Generate" }).click();
    const job = page.getByRole("article").filter({ has: page.getByRole("heading", { name: /Text: Write about sourdough loaves/ }) });
    await job.and(page.locator('[aria-busy="false"]')).waitFor();
    await page.locator('section[aria-labelledby="contents-title"] a[href*="/contents/"]').first().click();
    const findings = page.getByRole("region", { name: "Brand rule findings" });
    await findings.getByText('Uses the banned term "sourdough".').first().waitFor();
    await screenshots(page, "brand-finding");
  });

  it("fixes the item, and the finding is gone", async () => {
    const findings = page.getByRole("region", { name: "Brand rule findings" });
    await findings.getByRole("button", { name: "Fix" }).click();
    await findings.waitFor({ state: "detached", timeout: 60_000 });
    assert.equal(await page.getByRole("region", { name: "Brand rule findings" }).count(), 0, "the new version keeps the rule");
    await screenshots(page, "brand-fixed");
  });
});
