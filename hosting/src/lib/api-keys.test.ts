import { describe, expect, it } from "vitest";
import {
  ALL_PROJECTS,
  authorizationHeader,
  keyFormErrors,
  keyScopeLabel,
  keyStatusLabel,
  newKeyBody,
  rolesFor,
} from "./api-keys";

const form = { name: "CI", projectId: ALL_PROJECTS, role: "editor" as const, days: 90 };

describe("rolesFor", () => {
  it("offers every role for a key for all projects", () => {
    expect(rolesFor(null)).toEqual(["viewer", "editor", "owner"]);
  });
  it("offers no role above the person's own in the chosen project", () => {
    expect(rolesFor("viewer")).toEqual(["viewer"]);
    expect(rolesFor("editor")).toEqual(["viewer", "editor"]);
    expect(rolesFor("owner")).toEqual(["viewer", "editor", "owner"]);
  });
});

describe("keyFormErrors", () => {
  it("accepts a named key within the person's role", () => {
    expect(keyFormErrors(form, null)).toEqual({});
    expect(keyFormErrors({ ...form, projectId: "p1" }, "editor")).toEqual({});
  });
  it("names each field at fault", () => {
    const errors = keyFormErrors({ ...form, name: "  ", projectId: "p1", days: 400 }, "viewer");
    expect(Object.keys(errors).sort()).toEqual(["days", "name", "role"]);
    expect(errors.role).toMatch(/viewer/);
    expect(keyFormErrors({ ...form, name: "n".repeat(101) }, null).name).toMatch(/100/);
    expect(keyFormErrors({ ...form, days: 1.5 }, null).days).toBeDefined();
  });
});

describe("newKeyBody", () => {
  it("sends no projectId for all projects", () => {
    expect(newKeyBody({ ...form, name: " CI " })).toEqual({ name: "CI", role: "editor", ttlDays: 90 });
  });
  it("sends the chosen project", () => {
    expect(newKeyBody({ ...form, projectId: "p1", role: "viewer", days: 7 })).toEqual({
      name: "CI",
      role: "viewer",
      ttlDays: 7,
      projectId: "p1",
    });
  });
});

describe("labels", () => {
  it("names what a key reaches", () => {
    const names = new Map([["p1", "Launch"]]);
    expect(keyScopeLabel({}, names)).toBe("All your projects");
    expect(keyScopeLabel({ projectId: "p1" }, names)).toBe("Launch");
    expect(keyScopeLabel({ projectId: "gone" }, names)).toMatch(/no longer/);
  });
  it("names each state", () => {
    expect(keyStatusLabel("active")).toBe("Active");
    expect(keyStatusLabel("expired")).toBe("Expired");
    expect(keyStatusLabel("revoked")).toBe("Revoked");
  });
  it("shows how to send a key", () => {
    expect(authorizationHeader("cck_x_y")).toBe("Authorization: Bearer cck_x_y");
  });
});
