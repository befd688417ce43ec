import { describe, expect, it } from "vitest";
import {
  destinationAfterSignIn,
  formView,
  INITIAL_FORM,
  isDeadLink,
  isSignInPath,
  looksLikeEmailLink,
  rememberedDestination,
  submission,
  toggleMode,
} from "./sign-in-form";

describe("what the sign-in screen shows", () => {
  it("starts as a password sign-in with Google and the link on offer", () => {
    const view = formView(INITIAL_FORM);
    expect(view.title).toBe("Sign in");
    expect(view).toMatchObject({ showChoices: true, showMethod: true, showPassword: true, showLinkHelp: false });
    expect(view.submitLabel).toBe("Sign in");
    expect(view.passwordAutocomplete).toBe("current-password");
    expect(view.switchPrompt).toEqual({ text: "New here?", action: "Create an account" });
  });

  it("asks for a new password when creating an account, with no link to choose", () => {
    const view = formView(toggleMode(INITIAL_FORM));
    expect(view.title).toBe("Create your account");
    expect(view.submitLabel).toBe("Create account");
    expect(view.busyLabel).toBe("Creating…");
    expect(view.showMethod).toBe(false);
    expect(view.passwordAutocomplete).toBe("new-password");
    expect(view.switchPrompt?.action).toBe("Sign in instead");
  });

  it("drops the password field when the link is chosen", () => {
    const view = formView({ ...INITIAL_FORM, method: "link" });
    expect(view.showPassword).toBe(false);
    expect(view.showLinkHelp).toBe(true);
    expect(view.submitLabel).toBe("Email me a sign-in link");
    expect(view.busyLabel).toBe("Sending…");
  });

  it("shows only the address field while finishing a link", () => {
    const view = formView({ ...INITIAL_FORM, method: "link", linkPending: true });
    expect(view.title).toBe("Finish signing in");
    expect(view).toMatchObject({ showChoices: false, showPassword: false, showLinkHelp: false, switchPrompt: null });
    expect(view.submitLabel).toBe("Sign in");
  });

  it("goes back to the password when switching to creating an account from the link", () => {
    const creating = toggleMode({ ...INITIAL_FORM, method: "link" });
    expect(creating).toEqual({ mode: "sign-up", method: "password", linkPending: false });
    expect(toggleMode(creating).mode).toBe("sign-in");
  });
});

describe("what submitting does", () => {
  it("asks for the address first, then the password", () => {
    expect(submission(INITIAL_FORM, "   ", "pw")).toEqual({ kind: "invalid", field: "email", message: "Enter your email address." });
    expect(submission(INITIAL_FORM, "ada@example.com", "")).toEqual({
      kind: "invalid",
      field: "password",
      message: "Enter your password.",
    });
  });

  it("signs in or creates the account with the trimmed address and the password as typed", () => {
    expect(submission(INITIAL_FORM, " ada@example.com ", " pw ")).toEqual({ kind: "sign-in", email: "ada@example.com", password: " pw " });
    expect(submission(toggleMode(INITIAL_FORM), "ada@example.com", "pw")).toEqual({
      kind: "create-account",
      email: "ada@example.com",
      password: "pw",
    });
  });

  it("sends a link or finishes one without a password", () => {
    expect(submission({ ...INITIAL_FORM, method: "link" }, "ada@example.com", "")).toEqual({ kind: "send-link", email: "ada@example.com" });
    expect(submission({ ...INITIAL_FORM, linkPending: true }, "ada@example.com", "")).toEqual({
      kind: "complete-link",
      email: "ada@example.com",
    });
  });
});

describe("the email link", () => {
  it("is recognised by its mode and one-time code", () => {
    expect(looksLikeEmailLink("https://app.example/signin?apiKey=k&oobCode=abc&mode=signIn&lang=en")).toBe(true);
    expect(looksLikeEmailLink("https://app.example/signin?mode=signIn")).toBe(false);
    expect(looksLikeEmailLink("https://app.example/signin?oobCode=abc&mode=resetPassword")).toBe(false);
    expect(looksLikeEmailLink("not a url")).toBe(false);
  });

  it("is dead once used or expired, and only then", () => {
    expect(isDeadLink({ code: "auth/invalid-action-code" })).toBe(true);
    expect(isDeadLink({ code: "auth/expired-action-code" })).toBe(true);
    expect(isDeadLink({ code: "auth/network-request-failed" })).toBe(false);
    expect(isDeadLink(null)).toBe(false);
  });
});

describe("where sign-in leads", () => {
  it("returns to the deep link kept in the history entry", () => {
    expect(rememberedDestination({ from: "/projects/p1?tab=members" })).toBe("/projects/p1?tab=members");
    expect(destinationAfterSignIn("/projects/p1")).toBe("/projects/p1");
  });

  it("goes to the projects when there is no deep link, or only one to elsewhere or back to sign-in", () => {
    expect(rememberedDestination(null)).toBeUndefined();
    expect(rememberedDestination({ from: 42 })).toBeUndefined();
    expect(rememberedDestination({ from: "//evil.example/x" })).toBeUndefined();
    expect(rememberedDestination({ from: "/signin?next=1" })).toBeUndefined();
    expect(destinationAfterSignIn(undefined)).toBe("/");
    expect(destinationAfterSignIn("https://evil.example")).toBe("/");
    expect(destinationAfterSignIn("/signin")).toBe("/");
  });

  it("knows the sign-in screen's address with or without a query", () => {
    expect(isSignInPath("/signin")).toBe(true);
    expect(isSignInPath("/signin?mode=signIn&oobCode=x")).toBe(true);
    expect(isSignInPath("/signing")).toBe(false);
    expect(isSignInPath("/")).toBe(false);
  });
});
