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

  it("says when Google's sign-in can't be reached, and only for Google", () => {
    expect(authErrorMessage({ code: "auth/internal-error" }, "google")).toContain("Can't reach Google's sign-in service");
    expect(authErrorMessage({ code: "auth/network-request-failed" }, "google")).toContain("sign in with your email address");
    expect(authErrorMessage({ code: "auth/internal-error" })).toBe("Something went wrong. Please try again.");
  });

  it("falls back to plain words for codes it doesn't know and for things that aren't errors", () => {
    expect(authErrorMessage({ code: "auth/something-new" })).toBe("Something went wrong. Please try again.");
    expect(authErrorMessage(null)).toBe("Something went wrong. Please try again.");
    expect(authErrorMessage("auth/popup-blocked")).toBe("Something went wrong. Please try again.");
  });
});
