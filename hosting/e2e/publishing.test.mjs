// Publishing end to end: an owner sees the project's connection on the Connections screen (made
// through the API to a receiver on this machine, which the server allows for tests), tests it, and
// the form refuses a plain-http address; on a text, the Publishing panel sends it through the
// connection and shows it published with a link to where it now lives; the receiver got it once.

import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before, describe, it } from "node:test";
import { createAccount, launchBrowser, missingPrerequisite, PASSWORD, screenshots, signIn, startServer, uniqueEmail } from "./harness.mjs";

const skip = missingPrerequisite();

async function call(base, token, method, path, body, headers = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

describe("Publishing, end to end", { skip: skip ?? false }, () => {
  let server;
  let browser;
  let receiver;
  const received = [];
  const owner = uniqueEmail("publisher");
  let token;
  let projectId;
  let contentId;

  before(async () => {
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        received.push({ id: req.headers["webhook-id"], body });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ id: `post-${received.length}`, url: `https://cms.example.org/posts/${received.length}` }));
      });
    });
    await new Promise((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    server = await startServer({ PUBLISH_ALLOW_HTTP_LOOPBACK: "true", QUEUE_POLL_INTERVAL: "100ms" });
    browser = await launchBrowser();
    await createAccount(server.base, owner);
    token = (await signIn(server.base, owner)).idToken;
    projectId = (await call(server.base, token, "POST", "/api/projects", { name: "Newsroom" })).id;
    await call(server.base, token, "POST", `/api/projects/${projectId}/connections`, {
      channel: "webhook",
      name: "Our CMS",
      siteUrl: `http://127.0.0.1:${receiver.address().port}/in`,
    });
    const job = await call(server.base, token, "POST", `/api/projects/${projectId}/generations`,
      { kind: "text", prompt: "A short news item" }, { "Idempotency-Key": `e2e-pub-${Date.now()}` });
    for (let i = 0; i < 300 && !contentId; i++) {
      const state = await call(server.base, token, "GET", `/api/projects/${projectId}/generations/${job.id}`);
      if (state.status === "completed") contentId = state.items[0].contentId;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(contentId, "the demo text was generated");
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    receiver?.close();
  });

  it("lists and tests the connection, then publishes a text from its panel", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.base}/signin`);
    await page.getByLabel("Email address").fill(owner);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Your projects" }).waitFor();

    await page.goto(`${server.base}/projects/${projectId}/connections`);
    await page.getByText("Our CMS").waitFor();
    await page.getByRole("button", { name: "Test" }).click();
    await page.getByText("works").waitFor();
    await page.getByRole("button", { name: "New connection" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Blog");
    await page.getByLabel("Address (https)").fill("http://blog.example.org");
    await page.getByLabel("WordPress user name").fill("editor");
    await page.getByLabel("Application password").fill("abcd efgh ijkl mnop");
    await page.getByRole("button", { name: "Connect" }).click();
    await page.getByText("The address must start with https://.").waitFor();
    await screenshots(page, "connections");

    await page.goto(`${server.base}/projects/${projectId}/contents/${contentId}`);
    const panel = page.getByTestId("publish-panel");
    await panel.getByText("Not published anywhere yet.").waitFor();
    await panel.getByLabel("Tags (comma-separated)").fill("news, spring");
    await panel.getByRole("button", { name: "Publish", exact: true }).click();
    await panel.getByTestId("publication").getByText("Published", { exact: true }).waitFor();
    const link = panel.getByRole("link", { name: "Open" });
    // The receiver's answer names the post (the test message before it was the first it got).
    assert.equal(await link.getAttribute("href"), `https://cms.example.org/posts/${received.length}`);
    await screenshots(page, "publish-panel");
    assert.equal(received.filter((m) => m.id?.startsWith("msg_pub_")).length, 1, "the receiver got it once");
    assert.deepEqual(JSON.parse(received.at(-1).body).data.tags, ["news", "spring"]);
    await context.close();
  });
});
