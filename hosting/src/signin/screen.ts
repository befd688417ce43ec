// The sign-in screen without a framework: its markup is in index.html, its words and checks come
// from lib/sign-in-form.ts, and this module only wires the two together. It works before Firebase
// has loaded: a request made early waits for `actions`.

import { authErrorMessage } from "../lib/auth-messages";
import { currentColorMode, subscribeColorMode, toggleColorMode } from "../lib/color-mode";
import { finishLinkRequest, linkNext, linkReturnUrl, rememberLinkRequest, rememberedLinkEmail } from "../lib/email-link";
import {
  destinationAfterSignIn,
  formView,
  INITIAL_FORM,
  isDeadLink,
  looksLikeEmailLink,
  submission,
  toggleMode,
  type FormState,
  type Method,
} from "../lib/sign-in-form";
import type { AuthActions } from "./auth-actions";

export interface SignInScreen {
  /** Shows the screen afresh; `from` is the screen to go on to once signed in. */
  show(from: string | undefined, focusTitle: boolean): void;
  /**
   * Takes the screen out of the page and forgets what was typed (the password above all). Out of
   * the page, not just hidden: the app's fields and buttons then have no twins.
   */
  hide(): void;
  /** Where to go now that someone is signed in. */
  destination(): string;
}

type Busy = "form" | "google" | "link" | null;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`index.html has no #${id}`);
  return element as T;
}

/**
 * Wires the screen in `container`. `actions` settles once Firebase has started; `onRequest` is
 * told each time the person asks to sign in, so the app can start loading while Firebase answers.
 */
export function createSignInScreen(
  container: HTMLElement,
  actions: Promise<AuthActions>,
  onRequest: () => void,
): SignInScreen {
  const title = byId<HTMLHeadingElement>("signin-title");
  const lead = byId("signin-lead");
  const choices = byId("signin-choices");
  const google = byId<HTMLButtonElement>("signin-google");
  const googleLabel = byId("signin-google-label");
  const methods = byId("signin-method");
  const methodButtons = [...methods.querySelectorAll<HTMLButtonElement>("button[data-method]")];
  const form = byId<HTMLFormElement>("signin-form");
  const email = byId<HTMLInputElement>("signin-email");
  const emailHelp = byId("signin-email-help");
  const passwordField = byId("signin-password-field");
  const password = byId<HTMLInputElement>("signin-password");
  const status = byId("signin-status");
  const error = byId("signin-error");
  const submit = byId<HTMLButtonElement>("signin-submit");
  const switchLine = byId("signin-switch");
  const switchPrompt = byId("signin-switch-prompt");
  const switchButton = byId<HTMLButtonElement>("signin-switch-button");
  const colorToggle = byId<HTMLButtonElement>("color-toggle");
  const demo = byId("demo-notice");

  // Where the screen goes back to when it is shown again.
  const parent = container.parentNode!;
  const anchor = container.nextSibling;

  let state: FormState = INITIAL_FORM;
  let busy: Busy = null;
  let errorText = "";
  let statusText = "";
  let invalid: "email" | "password" | null = null;
  let from: string | undefined;
  // Known before a link signs the person in: the app opens as soon as they are.
  let next: string | null = null;
  let linkStarted = false;

  function render() {
    const view = formView(state);
    title.textContent = view.title;
    document.title = `${view.title} · Content Creator`;
    lead.textContent = view.lead;
    choices.hidden = !view.showChoices;
    methods.hidden = !view.showMethod;
    for (const button of methodButtons) button.setAttribute("aria-pressed", String(button.dataset.method === state.method));
    emailHelp.hidden = !view.showLinkHelp;
    describe(email, view.showLinkHelp && "signin-email-help", invalid === "email" && errorText && "signin-error");
    email.setAttribute("aria-invalid", String(invalid === "email"));
    passwordField.hidden = !view.showPassword;
    password.autocomplete = view.passwordAutocomplete;
    password.setAttribute("aria-invalid", String(invalid === "password"));
    describe(password, "signin-password-help", invalid === "password" && errorText && "signin-error");
    status.textContent = statusText;
    error.textContent = errorText;
    submit.textContent = busy === "form" || busy === "link" ? view.busyLabel : view.submitLabel;
    submit.setAttribute("aria-disabled", String(busy !== null));
    googleLabel.textContent = busy === "google" ? "Waiting for Google…" : "Continue with Google";
    google.setAttribute("aria-disabled", String(busy !== null));
    switchLine.hidden = view.switchPrompt === null;
    if (view.switchPrompt) {
      switchPrompt.textContent = view.switchPrompt.text;
      switchButton.textContent = view.switchPrompt.action;
    }
  }

  function clearMessages() {
    errorText = "";
    statusText = "";
    invalid = null;
  }

  function fail(message: string, field: "email" | "password") {
    invalid = field;
    errorText = message;
    render();
    (field === "email" ? email : password).focus();
  }

  /** Runs one request to Firebase with the screen busy; on failure shows its words and frees the screen. */
  async function attempt(kind: Exclude<Busy, null>, work: (auth: AuthActions) => Promise<void>, words?: (caught: unknown) => string) {
    busy = kind;
    render();
    // Sending a link signs nobody in on this page.
    if (!(kind === "form" && state.method === "link" && !state.linkPending)) onRequest();
    try {
      await work(await actions);
    } catch (caught) {
      errorText = words ? words(caught) : authErrorMessage(caught);
      busy = null;
      render();
      return false;
    }
    return true;
  }

  async function completeLink(address: string) {
    clearMessages();
    statusText = "Signing you in…";
    next = linkNext();
    const done = await attempt(
      "link",
      (auth) => auth.completeLink(address, window.location.href),
      (caught) => {
        next = null;
        statusText = "";
        if (isDeadLink(caught)) {
          state = { ...state, linkPending: false, method: "link" };
          window.history.replaceState(window.history.state, "", "/signin");
        }
        return authErrorMessage(caught);
      },
    );
    if (!done) return;
    finishLinkRequest();
    state = { ...state, linkPending: false };
    statusText = "";
    render();
  }

  async function sendLink(address: string) {
    const sent = await attempt("form", (auth) => auth.sendLink(address, linkReturnUrl(window.location.origin)));
    if (!sent) return;
    rememberLinkRequest(address, from);
    busy = null;
    statusText = `We sent a sign-in link to ${address}. Open it on this device to sign in; it works once.`;
    render();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (busy) return;
    clearMessages();
    const wanted = submission(state, email.value, password.value);
    switch (wanted.kind) {
      case "invalid":
        return fail(wanted.message, wanted.field);
      case "complete-link":
        return void completeLink(wanted.email);
      case "send-link":
        return void sendLink(wanted.email);
      case "create-account":
        return void attempt("form", (auth) => auth.createAccount(wanted.email, wanted.password));
      case "sign-in":
        return void attempt("form", (auth) => auth.signIn(wanted.email, wanted.password));
    }
  });

  google.addEventListener("click", () => {
    if (busy) return;
    clearMessages();
    void attempt("google", (auth) => auth.google(), (caught) => authErrorMessage(caught, "google"));
  });

  for (const button of methodButtons) {
    button.addEventListener("click", () => {
      if (busy) return;
      state = { ...state, method: button.dataset.method as Method };
      clearMessages();
      render();
    });
  }

  switchButton.addEventListener("click", () => {
    if (busy) return;
    state = toggleMode(state);
    clearMessages();
    render();
  });

  const showMode = () => {
    const label = currentColorMode() === "dark" ? "Use light colours" : "Use dark colours";
    colorToggle.setAttribute("aria-label", label);
    colorToggle.title = label;
    colorToggle.firstElementChild!.textContent = currentColorMode() === "dark" ? "☀" : "☾";
  };
  subscribeColorMode(showMode);
  showMode();
  colorToggle.addEventListener("click", toggleColorMode);

  /** Opened from an email link: sign in with it, asking for the address if this device doesn't know it. */
  function startLink() {
    if (linkStarted) return;
    linkStarted = true;
    const remembered = rememberedLinkEmail();
    if (remembered) {
      email.value = remembered;
      void completeLink(remembered);
    } else {
      statusText = "Enter the email address you asked for the link with, to finish signing in.";
      render();
    }
  }

  let demoChecked = false;
  /** The same notice as inside the app: without AI keys, the server generates demo content. */
  function checkDemo() {
    if (demoChecked) return;
    demoChecked = true;
    fetch("/api/health", { headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : null))
      .then((health: { demo?: unknown } | null) => void (demo.hidden = health?.demo !== true))
      .catch(() => undefined);
  }

  return {
    show(destination, focusTitle) {
      from = destination;
      next = null;
      busy = null;
      clearMessages();
      state = { ...INITIAL_FORM, linkPending: looksLikeEmailLink(window.location.href) };
      render();
      if (!container.isConnected) parent.insertBefore(container, anchor);
      container.hidden = false;
      if (focusTitle) title.focus();
      checkDemo();
      if (state.linkPending) {
        // Firebase has the last word on whether this is a link; until it has loaded, the address tells.
        void actions.then((auth) => {
          if (container.hidden) return;
          if (!auth.isLink(window.location.href)) {
            state = { ...state, linkPending: false };
            render();
            return;
          }
          startLink();
        }, () => undefined);
      }
    },
    hide() {
      container.hidden = true;
      container.remove();
      form.reset();
      busy = null;
      clearMessages();
      state = INITIAL_FORM;
      render();
    },
    destination: () => next ?? destinationAfterSignIn(from),
  };
}

/** Points a field's aria-describedby at the ids that apply, or at nothing. */
function describe(field: HTMLElement, ...candidates: (string | false | "")[]): void {
  const ids = candidates.filter(Boolean).join(" ");
  if (ids) field.setAttribute("aria-describedby", ids);
  else field.removeAttribute("aria-describedby");
}
