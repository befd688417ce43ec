// What the sign-in screen shows and checks, as plain functions of its state, so the screen itself
// (signin/screen.ts, plain DOM with no framework) only copies the answers into the page.

import { isAppPath } from "./email-link";

/** Signing in to an account or creating one. */
export type Mode = "sign-in" | "sign-up";
/** With a password, or by an emailed link. */
export type Method = "password" | "link";

export interface FormState {
  mode: Mode;
  method: Method;
  /** The page was opened from an emailed sign-in link that is still to be used. */
  linkPending: boolean;
}

export const INITIAL_FORM: FormState = { mode: "sign-in", method: "password", linkPending: false };

/** Everything on the screen that depends on the state. */
export interface FormView {
  title: string;
  lead: string;
  /** The ways to choose from: Google, and password or link. Hidden while finishing a link. */
  showChoices: boolean;
  /** The password-or-link choice exists only when signing in. */
  showMethod: boolean;
  showPassword: boolean;
  showLinkHelp: boolean;
  passwordAutocomplete: "current-password" | "new-password";
  submitLabel: string;
  /** The submit button's words while it works. */
  busyLabel: string;
  /** The line under the card that switches between signing in and creating an account; null while finishing a link. */
  switchPrompt: { text: string; action: string } | null;
}

export function formView(state: FormState): FormView {
  const creating = state.mode === "sign-up";
  const byLink = !state.linkPending && state.method === "link";
  if (state.linkPending) {
    return {
      title: "Finish signing in",
      lead: "You opened a sign-in link.",
      showChoices: false,
      showMethod: false,
      showPassword: false,
      showLinkHelp: false,
      passwordAutocomplete: "current-password",
      submitLabel: "Sign in",
      busyLabel: "Signing in…",
      switchPrompt: null,
    };
  }
  return {
    title: creating ? "Create your account" : "Sign in",
    lead: creating
      ? "Choose the email address and password you'll sign in with, or use Google."
      : "Sign in to reach your projects.",
    showChoices: true,
    showMethod: !creating,
    showPassword: !byLink,
    showLinkHelp: byLink,
    passwordAutocomplete: creating ? "new-password" : "current-password",
    submitLabel: byLink ? "Email me a sign-in link" : creating ? "Create account" : "Sign in",
    busyLabel: byLink ? "Sending…" : creating ? "Creating…" : "Signing in…",
    switchPrompt: creating
      ? { text: "Already have an account?", action: "Sign in instead" }
      : { text: "New here?", action: "Create an account" },
  };
}

/** Switches between signing in and creating an account; creating always uses a password. */
export function toggleMode(state: FormState): FormState {
  return { ...state, mode: state.mode === "sign-in" ? "sign-up" : "sign-in", method: "password" };
}

/** What the submit button should do with the fields as they are. */
export type Submission =
  | { kind: "invalid"; field: "email" | "password"; message: string }
  | { kind: "complete-link"; email: string }
  | { kind: "send-link"; email: string }
  | { kind: "create-account"; email: string; password: string }
  | { kind: "sign-in"; email: string; password: string };

export function submission(state: FormState, email: string, password: string): Submission {
  const address = email.trim();
  if (!address) return { kind: "invalid", field: "email", message: "Enter your email address." };
  if (state.linkPending) return { kind: "complete-link", email: address };
  if (state.method === "link") return { kind: "send-link", email: address };
  if (!password) return { kind: "invalid", field: "password", message: "Enter your password." };
  return state.mode === "sign-up"
    ? { kind: "create-account", email: address, password }
    : { kind: "sign-in", email: address, password };
}

/** A used or expired link can't succeed again: the screen then offers to send a new one. */
export function isDeadLink(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "auth/invalid-action-code" || code === "auth/expired-action-code";
}

/**
 * The deep link a signed-out person was going to, as kept in the sign-in page's history entry
 * (`{ from }`), or undefined when there is none or it points outside the app.
 */
export function rememberedDestination(historyState: unknown): string | undefined {
  const from = (historyState as { from?: unknown } | null)?.from;
  return typeof from === "string" && isAppPath(from) && !isSignInPath(from) ? from : undefined;
}

/** Where to go once signed in: the deep link if there is one, else the projects. */
export function destinationAfterSignIn(from: string | undefined): string {
  return from && isAppPath(from) && !isSignInPath(from) ? from : "/";
}

/** The sign-in screen's own address, with or without a query (an email link adds one). */
export function isSignInPath(path: string): boolean {
  return path === "/signin" || path.startsWith("/signin?") || path.startsWith("/signin#") || path === "/signin/";
}

/**
 * Whether an address looks like an emailed sign-in link (Firebase adds `mode=signIn` and a one-time
 * `oobCode`), so the screen can say "Finish signing in" before the Firebase SDK has loaded to confirm it.
 */
export function looksLikeEmailLink(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  return url.searchParams.get("mode") === "signIn" && Boolean(url.searchParams.get("oobCode"));
}
