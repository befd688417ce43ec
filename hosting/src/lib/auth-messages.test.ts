import { describe, expect, it } from "vitest";
import { authErrorMessage } from "./auth-messages";

describe("authErrorMessage", () => {
  it("doesn't say which half of a failed sign-in was wrong", () => {
    expect(authErrorMessage({ code: "auth/user-not-found" })).toBe(authErrorMessage({ code: "auth/wrong-password" }));
  });

  it("explains a used or expired email link and what to do", () => {
    expect(authErrorMessage({ code: "auth/invalid-action-code" })).toContain("Ask for a new one");
    expect(authErrorMessage({ code: "auth/expired-action-code" })).toContain("expired");
  });

  it("explains a closed or blocked Google window", () => {
    expect(authErrorMessage({ code: "auth/popup-closed-by-user" })).toContain("closed");
    expect(authErrorMessage({ code: "auth/popup-blocked" })).toContain("Allow pop-ups");
  });

  it("falls back to plain words for codes it doesn't know and for things that aren't errors", () => {
    expect(authErrorMessage({ code: "auth/something-new" })).toBe("Something went wrong. Please try again.");
    expect(authErrorMessage(null)).toBe("Something went wrong. Please try again.");
    expect(authErrorMessage("auth/popup-blocked")).toBe("Something went wrong. Please try again.");
  });
});
