import { describe, expect, it } from "vitest";
import { abilitiesOf, memberActions, whyNot } from "./roles";

describe("abilitiesOf", () => {
  it("lets viewers only read", () => {
    expect(abilitiesOf("viewer")).toEqual({ generate: false, archive: false, manageMembers: false });
  });

  it("lets editors generate and archive but not manage members", () => {
    expect(abilitiesOf("editor")).toEqual({ generate: true, archive: true, manageMembers: false });
  });

  it("lets owners do everything", () => {
    expect(abilitiesOf("owner")).toEqual({ generate: true, archive: true, manageMembers: true });
  });
});

describe("whyNot", () => {
  it("explains a limit in terms of the person's role", () => {
    expect(whyNot("viewer", "generate")).toContain("You're a viewer");
    expect(whyNot("editor", "manageMembers")).toBe(
      "You're an editor of this project; only owners can invite people or change roles.",
    );
  });

  it("gives nothing when the role allows the action", () => {
    expect(whyNot("owner", "manageMembers")).toBeNull();
    expect(whyNot("editor", "generate")).toBeNull();
  });
});

describe("memberActions", () => {
  it("lets an owner change and remove another member", () => {
    expect(memberActions("me", "owner", { uid: "bo", role: "editor" }, 1)).toEqual({
      changeRole: true,
      remove: true,
      leave: false,
      note: null,
    });
  });

  it("keeps the last owner from stepping down or leaving", () => {
    const actions = memberActions("me", "owner", { uid: "me", role: "owner" }, 1);
    expect(actions).toMatchObject({ changeRole: false, leave: false, remove: false });
    expect(actions.note).toContain("only owner");
  });

  it("lets an owner leave once there is another owner", () => {
    expect(memberActions("me", "owner", { uid: "me", role: "owner" }, 2)).toMatchObject({ changeRole: true, leave: true });
  });

  it("lets a viewer leave but not touch anyone else", () => {
    expect(memberActions("me", "viewer", { uid: "me", role: "viewer" }, 1)).toMatchObject({ leave: true, changeRole: false });
    const other = memberActions("me", "viewer", { uid: "al", role: "owner" }, 1);
    expect(other).toMatchObject({ changeRole: false, remove: false, leave: false });
    expect(other.note).toContain("only owners");
  });
});
