// A share link end to end: an owner (through the API) shares an image in review with a password
// and the approve permission; a guest without an account opens the link on a phone, unlocks it,
// sees the image, and approves it under their name. The page asks not to be indexed.

import assert from "node:assert/strict";
import { deflateSync } from "node:zlib";
import { after, before, describe, it } from "node:test";
import { createAccount, launchBrowser, missingPrerequisite, screenshots, startServer, uniqueEmail, VIEWPORTS } from "./harness.mjs";

const skip = missingPrerequisite();

/** A small PNG, made here: 64x48 RGB. */
function png() {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (kind, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(kind, "ascii"), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const [w, h] = [64, 48];
  const rows = [];
  for (let y = 0; y < h; y++) {
    rows.push(Buffer.from([0]));
    for (let x = 0; x < w; x++) rows.push(Buffer.from([(x * 4) % 256, (y * 5) % 256, 160]));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("a share link, end to end", { skip: skip ?? false }, () => {
  let server;
  let browser;
  let token;
  let item;
  let idToken;
  let projectId;

  async function call(method, path, body, type = "application/json") {
    const response = await fetch(`${server.base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${idToken}`, "content-type": type },
      body: body === undefined ? undefined : type === "application/json" ? JSON.stringify(body) : body,
    });
    const text = await response.text();
    assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text);
  }

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ idToken } = await createAccount(server.base, uniqueEmail("sharer")));
    projectId = (await call("POST", "/api/projects", { name: "Spring campaign" })).id;
    item = (await call("POST", `/api/projects/${projectId}/media?title=Poster`, png(), "image/png")).id;
    await call("POST", `/api/projects/${projectId}/contents/${item}/review`, { status: "in_review" });
    token = (await call("POST", `/api/projects/${projectId}/shares`, {
      contentIds: [item], permission: "approve", password: "tulips", label: "Acme sign-off",
    })).token;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("lets a guest on a phone unlock the link and approve the item", async () => {
    const phone = VIEWPORTS.find((v) => v.name === "phone");
    const context = await browser.newContext({ viewport: { width: phone.width, height: phone.height }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const answer = await page.goto(`${server.base}/s/${token}`);
    assert.match(answer.headers()["x-robots-tag"] ?? "", /noindex/);
    await page.getByRole("heading", { level: 1, name: "This link has a password" }).waitFor();
    assert.equal(await page.locator('meta[name="robots"]').getAttribute("content"), "noindex, nofollow");
    await page.getByLabel("Password").fill("wrong");
    await page.getByRole("button", { name: "Open" }).click();
    await page.getByText("That is not the link's password.").waitFor();
    await page.getByLabel("Password").fill("tulips");
    await page.getByRole("button", { name: "Open" }).click();
    await page.getByRole("heading", { level: 1, name: "Acme sign-off" }).waitFor();
    const image = page.getByRole("img", { name: "Poster" });
    await image.waitFor();
    await page.waitForFunction(() => [...document.images].some((i) => i.alt === "Poster" && i.complete && i.naturalWidth > 0));
    await screenshots(page, "share-guest");
    // An approve link also lets guests comment: the comment form asks for the same name (one value for both).
    await page.getByLabel("Your name").first().fill("Ana");
    await page.getByLabel("Note (optional)").fill("Lovely colours");
    await page.getByRole("button", { name: "Approve" }).click();
    await page.getByText("Approved.").waitFor();
    const after = await call("GET", `/api/projects/${projectId}/contents/${item}`);
    assert.equal(after.reviewStatus, "approved");
    const history = await call("GET", `/api/projects/${projectId}/contents/${item}/reviews`);
    assert.equal(history.items[0].by.name, "Ana (guest via link Acme sign-off)");
    await context.close();
  });

  it("shows a link that does not open as such, without a sign-in screen", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.base}/s/${"A".repeat(43)}`);
    await page.getByText("This link doesn't open anything").waitFor();
    assert.equal(await page.getByRole("heading", { name: "Sign in" }).count(), 0);
    await page.close();
  });
});
