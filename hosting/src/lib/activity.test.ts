import { describe, expect, it } from "vitest";
import { actorName, csvFileName, describeActivity, filterQuery, localToInstant, NO_FILTER } from "./activity";
import type { Activity } from "./api-types";

function record(action: Activity["action"], details: Record<string, string> = {}, title = "Poster"): Activity {
  return {
    id: "a1",
    projectId: "p1",
    at: "2026-12-03T00:00:00.000Z",
    actor: { uid: "u1", name: "Rita" },
    action,
    target: { type: "content", id: "c1", title },
    contentId: "c1",
    details,
  };
}

describe("describeActivity", () => {
  it("says who moved which item where in review", () => {
    expect(describeActivity(record("content.status_changed", { from: "in_review", to: "approved" }))).toBe("Rita approved “Poster”");
    expect(describeActivity(record("content.status_changed", { to: "changes_requested" }))).toBe("Rita requested changes to “Poster”");
    expect(describeActivity(record("content.status_changed", { to: "draft" }))).toBe("Rita moved “Poster” to draft");
  });
  it("explains an automatic return to draft", () => {
    expect(describeActivity(record("content.status_changed", { to: "draft", automatic: "true" }))).toMatch(/new version was made after approval/);
  });
  it("names share links made and revoked", () => {
    expect(describeActivity(record("share.created", { permission: "approve", items: "1" }, "Client"))).toBe("Rita made an approve link to “Client”");
    expect(describeActivity(record("share.created", { permission: "view", items: "3" }, "Spring"))).toBe("Rita made a view link to “Spring” (3 items)");
    expect(describeActivity(record("share.revoked", {}, "Client"))).toBe("Rita revoked the share link “Client”");
    expect(describeActivity(record("provider.key_set", { last4: "Wx4z" }, "anthropic"))).toBe(
      "Rita set the project's own anthropic key (ending in Wx4z)",
    );
    expect(describeActivity(record("provider.key_removed", {}, "gemini"))).toBe("Rita removed the project's own gemini key");
  });
  it("quotes the comment of a comment's record, and tells a reply from a new thread", () => {
    const comment = (action: Activity["action"], details: Record<string, string>) => ({
      ...record(action, details, "Check the prices"),
      target: { type: "comment", id: "m1", title: "Check the prices" },
    });
    expect(describeActivity(comment("comment.posted", { reply: "false", thread: "m1" }))).toBe("Rita commented: “Check the prices”");
    expect(describeActivity(comment("comment.posted", { reply: "true", thread: "m0" }))).toBe("Rita replied: “Check the prices”");
    expect(describeActivity(comment("comment.edited", {}))).toBe("Rita edited a comment: “Check the prices”");
    expect(describeActivity(comment("comment.deleted", {}))).toBe("Rita deleted a comment: “Check the prices”");
    expect(describeActivity(comment("comment.resolved", {}))).toBe("Rita resolved the thread “Check the prices”");
    expect(describeActivity(comment("comment.reopened", {}))).toBe("Rita reopened the thread “Check the prices”");
  });
  it("tells uploads from generations", () => {
    expect(describeActivity(record("content.created", { source: "uploaded" }))).toBe("Rita uploaded “Poster”");
    expect(describeActivity(record("content.created", { source: "generated" }))).toBe("Rita generated “Poster”");
  });
  it("names renames, restores and reviewers", () => {
    expect(describeActivity(record("content.renamed", { from: "A", to: "B" }))).toBe("Rita renamed “A” to “B”");
    expect(describeActivity(record("content.restored", { restoredFrom: "1", version: "3" }))).toBe("Rita restored version 1 of “Poster”");
    expect(describeActivity(record("member.reviewer_changed", { reviewer: "true" }, "Vic"))).toBe("Rita named Vic a reviewer");
    expect(describeActivity(record("member.role_changed", { from: "viewer", to: "editor" }, "Vic"))).toBe("Rita made Vic an editor");
  });
  it("shows an action it does not know as the server names it", () => {
    const unknown = { ...record("content.created"), action: "comment.added" } as unknown as Activity;
    expect(describeActivity(unknown)).toBe("Rita: comment.added Poster");
  });
  it("names the product's own work", () => {
    expect(actorName({ ...record("batch.run_started"), actor: { uid: "schedule", name: "schedule" } })).toBe("The schedule");
    expect(actorName({ ...record("batch.run_started"), actor: { uid: "u9" } })).toBe("u9");
  });
});

describe("filterQuery", () => {
  it("sends only the filters that are set", () => {
    expect(filterQuery(NO_FILTER)).toEqual({ ok: true, query: {} });
    expect(filterQuery({ ...NO_FILTER, action: "content.edited", actor: "u1" })).toEqual({
      ok: true,
      query: { action: "content.edited", actor: "u1" },
    });
  });
  it("turns local times into instants and wants the end after the start", () => {
    const result = filterQuery({ ...NO_FILTER, since: "2026-01-01T09:00", until: "2026-01-02T09:00" });
    expect(result.ok && result.query.since).toBe(new Date("2026-01-01T09:00").toISOString());
    expect(filterQuery({ ...NO_FILTER, since: "2026-01-02T09:00", until: "2026-01-01T09:00" })).toEqual({
      ok: false,
      message: "“To” must come after “From”.",
    });
  });
  it("refuses what is not a date and time", () => {
    expect(localToInstant("yesterday")).toBeNull();
    expect(localToInstant("2026-13-45T99:00")).toBeNull();
    expect(filterQuery({ ...NO_FILTER, since: "soon" })).toEqual({ ok: false, message: "“From” is not a date and time." });
  });
});

describe("csvFileName", () => {
  it("makes a safe file name from the project's name and the day", () => {
    expect(csvFileName("Bakery / Spring: launch", new Date("2026-12-03T10:00:00Z"))).toBe("Bakery-Spring-launch-activity-2026-12-03.csv");
    expect(csvFileName("///", new Date("2026-12-03T10:00:00Z"))).toBe("project-activity-2026-12-03.csv");
  });
});
