import { describe, expect, test } from "vitest";
import { unreadBadge, unreadLabel } from "./notifications";

describe("the bell", () => {
  test("says how many are unread, in words and on the badge", () => {
    expect(unreadLabel(0, false)).toBe("Notifications, none unread");
    expect(unreadLabel(3, false)).toBe("Notifications, 3 unread");
    expect(unreadBadge(3, false)).toBe("3");
    expect(unreadBadge(0, false)).toBe("");
  });
  test("past the server's count it says more than 99", () => {
    expect(unreadLabel(99, true)).toBe("Notifications, more than 99 unread");
    expect(unreadBadge(99, true)).toBe("99+");
  });
});
