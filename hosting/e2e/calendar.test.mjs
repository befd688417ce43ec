// The calendar end to end (issue 13 part 5): a batch scheduled "once at" a time shows in the week
// view in the person's time zone; dragging it to another day and hour moves its schedule; the
// "Move to…" field schedules it a few seconds ahead, and the calendar then shows the run happen,
// its status going from scheduled to completed; a publication scheduled days ahead is moved from the
// calendar to a few seconds ahead, goes out to a receiver on this machine, and both the calendar and
// the item's Publishing panel show it published; the private feed is made, read and revoked.
// The browser runs in Asia/Tokyo (no daylight saving), so wall times here are UTC + 9 hours.

import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before, describe, it } from "node:test";
import { createAccount, launchBrowser, missingPrerequisite, PASSWORD, screenshots, startServer, uniqueEmail } from "./harness.mjs";

const skip = missingPrerequisite();
const ZONE = "Asia/Tokyo";
const OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" of a Tokyo wall-clock day, from a UTC-based Date of that wall time. */
function dayOfWall(wall) {
  return wall.toISOString().slice(0, 10);
}

/** The Tokyo days of next week, Monday first, as "YYYY-MM-DD". */
function nextWeek(now) {
  const wall = new Date(now.getTime() + OFFSET_MS);
  const weekday = (wall.getUTCDay() + 6) % 7;
  const monday = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()) - weekday * DAY_MS + 7 * DAY_MS;
  return Array.from({ length: 7 }, (_, i) => dayOfWall(new Date(monday + i * DAY_MS)));
}

/** The instant Tokyo's clock reads `day` at `hour`:00. */
function tokyo(day, hour) {
  return new Date(Date.parse(`${day}T${String(hour).padStart(2, "0")}:00:00Z`) - OFFSET_MS);
}

/** The datetime-local value of an instant in Tokyo, with seconds. */
function localValue(at) {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 19);
}

describe("the calendar, end to end", { skip: skip ?? false }, () => {
  let server;
  let browser;
  let idToken;
  let projectId;
  let templateId;
  let receiver;
  const received = [];
  const email = uniqueEmail("calendar");

  async function call(method, path, body) {
    const response = await fetch(`${server.base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${idToken}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
  }

  async function batch(name, at) {
    const made = await call("POST", `/api/projects/${projectId}/batches`, {
      name,
      templateId,
      schedule: `once at ${at.toISOString()}`,
      timeZone: ZONE,
      rows: [{ topic: "green tea" }],
    });
    assert.equal(made.status, 201, JSON.stringify(made.json));
    return made.json.id;
  }

  async function scheduleOf(batchId) {
    const b = await call("GET", `/api/projects/${projectId}/batches/${batchId}`);
    assert.equal(b.status, 200);
    assert.match(b.json.schedule, /^once at /);
    return new Date(b.json.schedule.slice("once at ".length));
  }

  async function openCalendar(context) {
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.base}/calendar`);
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    // The first sign-in of a run loads the app's calendar chunk and the Auth emulator's answer on a
    // loaded machine: once, in a clean-clone CI run, that took longer than 20 s.
    await page.getByRole("heading", { level: 1, name: "Calendar" }).waitFor({ timeout: 60_000 });
    return page;
  }

  before(async () => {
    // A publishing target on this machine (the server allows plain http to loopback for tests).
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
    server = await startServer({ BATCH_TICK: "1s", DEMO_CHUNK_DELAY: "0ms", DEMO_LATENCY: "20ms",
      PUBLISH_ALLOW_HTTP_LOOPBACK: "true", QUEUE_POLL_INTERVAL: "100ms" });
    browser = await launchBrowser();
    ({ idToken } = await createAccount(server.base, email));
    projectId = (await call("POST", "/api/projects", { name: "Tea shop" })).json.id;
    const template = await call("POST", "/api/templates", {
      projectId,
      name: "Line",
      kind: "text",
      body: "One line about {{topic}}",
      variables: [{ name: "topic", type: "string", required: true }],
    });
    assert.equal(template.status, 201, JSON.stringify(template.json));
    templateId = template.json.id;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    receiver?.close();
  });

  it("shows a once-batch in the week view and moves it by dragging to another day and hour", async () => {
    const week = nextWeek(new Date());
    const wednesday = week[2];
    const friday = week[4];
    const batchId = await batch("Autumn launch", tokyo(wednesday, 10));
    // Tall enough that the whole day of the week view is on screen: the drag scrolls nothing.
    const context = await browser.newContext({ timezoneId: ZONE, locale: "en-GB", viewport: { width: 1440, height: 1800 } });
    const page = await openCalendar(context);
    await page.getByRole("group", { name: "View" }).getByRole("button", { name: "Week" }).click();
    await page.getByRole("button", { name: "Next week" }).click();
    assert.equal(await page.getByLabel("Time zone").inputValue(), ZONE);

    const chip = page.locator(`[data-entry^="batch-${batchId}-"]`);
    const wednesdayTen = page.locator(`[data-day="${wednesday}"][data-hour="10"]`);
    await wednesdayTen.locator(`[data-entry^="batch-${batchId}-"]`).waitFor();
    assert.match(await chip.textContent(), /10:00\s*Autumn launch/);

    await chip.dragTo(page.locator(`[data-day="${friday}"][data-hour="14"]`));
    await page.getByRole("status").getByText(/now runs/).waitFor();
    assert.equal((await scheduleOf(batchId)).toISOString(), tokyo(friday, 14).toISOString());
    await page.locator(`[data-day="${friday}"][data-hour="14"] [data-entry^="batch-${batchId}-"]`).waitFor();
    assert.equal(await wednesdayTen.locator("[data-entry]").count(), 0);

    // The month view shows it on the same day, and takes drops too.
    await page.getByRole("group", { name: "View" }).getByRole("button", { name: "Month" }).click();
    // The grid appears with its month's entries; next week's Friday may be in the month after.
    await page.getByRole("grid", { name: "Month" }).waitFor();
    if ((await page.locator(`[data-day="${friday}"]`).count()) === 0) {
      await page.getByRole("button", { name: "Next month" }).click();
    }
    await page.locator(`[data-day="${friday}"] [data-entry^="batch-${batchId}-"]`).waitFor();
    await screenshots(page, "calendar-month");
    await context.close();
  });

  it("schedules a run from the Move to… field and shows it happen, scheduled then completed", async () => {
    const batchId = await batch("Flash sale", new Date(Date.now() + 3 * DAY_MS));
    const context = await browser.newContext({ timezoneId: ZONE, locale: "en-GB" });
    const page = await openCalendar(context);
    await page.getByRole("group", { name: "View" }).getByRole("button", { name: "Week" }).click();
    const soon = new Date(Date.now() + 10_000);
    // Three days ahead may be next week: the list under the grid is of the week shown, once read.
    await page.getByRole("grid", { name: "Week" }).waitFor();
    let field = page.getByLabel("Move “Flash sale” to…");
    if ((await field.count()) === 0) {
      await page.getByRole("button", { name: "Next week" }).click();
      field = page.getByLabel("Move “Flash sale” to…");
    }
    await field.fill(localValue(soon));
    await field.locator("xpath=ancestor::form").getByRole("button", { name: "Move" }).click();
    await page.getByRole("status").getByText(/now runs/).waitFor();
    assert.equal((await scheduleOf(batchId)).getTime(), Math.floor(soon.getTime() / 1000) * 1000);

    // Back to this week, where the run is about to happen.
    await page.getByRole("button", { name: "Today" }).click();
    const entry = page.locator(`[data-entry^="batch-${batchId}-"]`);
    await entry.first().waitFor();
    assert.match(await page.getByRole("listitem").filter({ hasText: "Flash sale" }).textContent(), /Scheduled/);

    // The scheduler starts it within a second of its time; the demo provider finishes it.
    // Each look is a fresh page, read once its calendar has come: nothing here waits on a clock.
    let status = "";
    for (let i = 0; i < 60 && !status.includes("Completed"); i++) {
      await page.waitForTimeout(500);
      const read = page.waitForResponse((r) => r.url().includes("/api/calendar?") && r.ok());
      await page.reload();
      await read;
      await page.getByRole("heading", { level: 2, name: "Entries" }).waitFor();
      const item = page.getByRole("listitem").filter({ hasText: "Flash sale" });
      await item.first().waitFor();
      status = (await item.first().textContent()) ?? "";
    }
    assert.match(status, /Completed/);
    assert.doesNotMatch(status, /Scheduled/);
    const run = page.locator(`[data-entry^="batchrun-${batchId}_"]`);
    assert.equal(await run.count(), 1);
    assert.equal(await run.getAttribute("draggable"), "false");
    await screenshots(page, "calendar-week");
    await context.close();
  });

  it("moves a scheduled publication from the calendar and shows it go out, there and on the item", async () => {
    const connection = await call("POST", `/api/projects/${projectId}/connections`, {
      channel: "webhook", name: "Tea blog", siteUrl: `http://127.0.0.1:${receiver.address().port}/in`,
    });
    assert.equal(connection.status, 201, JSON.stringify(connection.json));
    const job = await fetch(`${server.base}/api/projects/${projectId}/generations`, {
      method: "POST",
      headers: { Authorization: `Bearer ${idToken}`, "content-type": "application/json", "Idempotency-Key": `cal-pub-${Date.now()}` },
      body: JSON.stringify({ kind: "text", prompt: "A note about our new oolong" }),
    }).then((r) => r.json());
    let contentId;
    for (let i = 0; i < 300 && !contentId; i++) {
      const state = await call("GET", `/api/projects/${projectId}/generations/${job.id}`);
      if (state.json.status === "completed") contentId = state.json.items[0].contentId;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(contentId, "the text was made");
    const made = await call("POST", `/api/projects/${projectId}/contents/${contentId}/publications`, {
      connectionId: connection.json.connection.id, publishAt: new Date(Date.now() + 2 * DAY_MS).toISOString(),
    });
    assert.equal(made.status, 201, JSON.stringify(made.json));
    const publicationId = made.json.id;

    const context = await browser.newContext({ timezoneId: ZONE, locale: "en-GB" });
    const page = await openCalendar(context);
    await page.getByRole("group", { name: "View" }).getByRole("button", { name: "Week" }).click();
    await page.getByRole("grid", { name: "Week" }).waitFor();
    const label = /^Move “.* → Tea blog” to…$/;
    let field = page.getByLabel(label);
    await page.getByRole("heading", { level: 2, name: "Entries" }).waitFor();
    if ((await field.count()) === 0) {
      await page.getByRole("button", { name: "Next week" }).click();
      field = page.getByLabel(label);
    }
    const soon = new Date(Date.now() + 8_000);
    await field.fill(localValue(soon));
    await field.locator("xpath=ancestor::form").getByRole("button", { name: "Move" }).click();
    await page.getByRole("status").getByText(/now goes out/).waitFor();
    const moved = await call("GET", `/api/projects/${projectId}/publications/${publicationId}`);
    assert.equal(moved.json.status, "scheduled");
    assert.equal(new Date(moved.json.publishAt).getTime(), Math.floor(soon.getTime() / 1000) * 1000);

    // Back to this week: the entry goes from Scheduled to Published once its task has sent it.
    await page.getByRole("button", { name: "Today" }).click();
    let status = "";
    for (let i = 0; i < 60 && !status.includes("Published"); i++) {
      await page.waitForTimeout(500);
      const read = page.waitForResponse((r) => r.url().includes("/api/calendar?") && r.ok());
      await page.reload();
      await read;
      await page.getByRole("heading", { level: 2, name: "Entries" }).waitFor();
      const item = page.getByRole("listitem").filter({ hasText: "Tea blog" });
      await item.first().waitFor();
      status = (await item.first().textContent()) ?? "";
    }
    assert.match(status, /Published/);
    const sent = page.locator(`[data-entry="publicationrun-${publicationId}"]`);
    assert.equal(await sent.getAttribute("draggable"), "false");
    assert.equal(received.length, 1, "the receiver got it once");

    // The item's own page says so too.
    await page.goto(`${server.base}/projects/${projectId}/contents/${contentId}`);
    const panel = page.getByTestId("publish-panel");
    await panel.getByTestId("publication").getByText("Published", { exact: true }).waitFor();
    await screenshots(page, "calendar-publication");
    await context.close();
  });

  it("makes a private feed, shows its address once, and revoking it ends it", async () => {
    const context = await browser.newContext({ timezoneId: ZONE, locale: "en-GB" });
    const page = await openCalendar(context);
    await page.getByText("You have no feed.").waitFor();
    await page.getByRole("button", { name: "Make a feed address" }).click();
    const address = await page.getByLabel("Feed address").inputValue();
    assert.match(address, /\/api\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
    const ics = await fetch(address);
    assert.equal(ics.status, 200);
    assert.match(ics.headers.get("content-type"), /^text\/calendar/);
    const text = await ics.text();
    assert.match(text, /^BEGIN:VCALENDAR\r\n/);
    assert.match(text.replace(/\r\n /g, ""), /SUMMARY:Batch: Autumn launch\r\n/);
    await page.getByRole("button", { name: "Done" }).click();
    assert.equal(await page.getByLabel("Feed address").count(), 0, "the address is not shown again");
    await page.getByRole("button", { name: "Revoke feed" }).click();
    await page.getByText("You have no feed.").waitFor();
    assert.equal((await fetch(address)).status, 404);
    await context.close();
  });
});
