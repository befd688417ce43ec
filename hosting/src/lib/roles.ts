// What each role of a project may do, and the words that explain a control someone can't use.
// The server checks every call; the screens use this so people see their limits before they try.

import type { Role } from "./api-types";


export interface Abilities {
  /** Generate content, edit it, and make, change and run batches. */
  generate: boolean;
  /** Archive and restore the project. */
  archive: boolean;
  /** Invite people, change their roles, remove them. */
  manageMembers: boolean;
}

export function abilitiesOf(role: Role): Abilities {
  return {
    generate: role === "owner" || role === "editor",
    archive: role === "owner" || role === "editor",
    manageMembers: role === "owner",
  };
}

export const ROLE_LABELS: Record<Role, string> = { owner: "Owner", editor: "Editor", viewer: "Viewer" };

/** One line per role, for the role picker and the "your role" note. */
export const ROLE_SUMMARIES: Record<Role, string> = {
  owner: "Can do everything: generate and edit, run batches, and manage members.",
  editor: "Can generate and edit content and run batches, but not manage members.",
  viewer: "Can read the project's contents, members and batches, but not change anything.",
};

export type Action = keyof Abilities;

/** Why someone with this role can't do the action, or null when they can. */
export function whyNot(role: Role, action: Action): string | null {
  if (abilitiesOf(role)[action]) return null;
  const as = role === "editor" ? "an editor" : "a viewer";
  switch (action) {
    case "generate":
      return `You're ${as} of this project, so you can read it but not change it. Ask an owner to make you an editor.`;
    case "archive":
      return `You're ${as} of this project; only editors and owners can archive it.`;
    case "manageMembers":
      return `You're ${as} of this project; only owners can invite people or change roles.`;
  }
}

export interface MemberActions {
  changeRole: boolean;
  remove: boolean;
  leave: boolean;
  /** Why a control is off, when one is: shown beside it. */
  note: string | null;
}

/**
 * What the signed-in person may do to one row of the members list. `owners` is how many owners the
 * project has; the last one can neither step down, leave nor be removed.
 */
export function memberActions(myUid: string, myRole: Role, member: { uid: string; role: Role }, owners: number): MemberActions {
  const self = member.uid === myUid;
  const lastOwner = member.role === "owner" && owners <= 1;
  if (self) {
    return {
      changeRole: myRole === "owner" && !lastOwner,
      remove: false,
      leave: !lastOwner,
      note: lastOwner
        ? "You're the only owner: make someone else an owner before you step down or leave."
        : null,
    };
  }
  if (myRole !== "owner") {
    return { changeRole: false, remove: false, leave: false, note: whyNot(myRole, "manageMembers") };
  }
  return {
    changeRole: !lastOwner,
    remove: !lastOwner,
    leave: false,
    note: lastOwner ? "The only owner can't be removed or step down." : null,
  };
}
