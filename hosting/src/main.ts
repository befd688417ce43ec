// The page's start: small on purpose, since it is all the JavaScript the first paint waits for.
// It shows the light sign-in screen (markup in index.html, no framework), starts Firebase Auth
// beside it, and loads the signed-in app (React, Chakra UI, every screen) only for someone signed in.
// It also hands the page back to the sign-in screen when the session ends.

import "./signin/signin.css";
import { startColorMode } from "./lib/color-mode";
import { updates } from "./lib/pwa-update";
import { shareTokenOf } from "./lib/shares";
import { isSignInPath, rememberedDestination } from "./lib/sign-in-form";
import type { AuthSession } from "./signin/auth-actions";
import { createSignInScreen } from "./signin/screen";
import { showUpdateOffers } from "./update-offer";

startColorMode();
startServiceWorker();
showUpdateOffers(element("update-offer"), updates);

const bootStatus = element("boot-status");
const appRoot = element("root");
// A share link's page is for someone without an account: no Firebase, no sign-in screen; its own
// light page instead. The session below then never starts, so nothing else here acts.
const guestToken = shareTokenOf(window.location.pathname);
if (guestToken) {
  void import("./guest/guest-root").then(
    (guest) => {
      bootStatus.hidden = true;
      guest.mountGuest(appRoot, guestToken);
    },
    () => (bootStatus.textContent = "This page couldn't load. Check your connection and reload it."),
  );
}
const session = guestToken
  ? new Promise<never>(() => undefined)
  : import("./signin/auth-actions").then((auth) => auth.startSession());
const actions = session.then((started) => started.actions);
// A failed start is reported below, once; the screen's own requests then fail in words.
actions.catch(() => undefined);
const signInElement = element("signin");
/** The signed-in app's code, fetched once: on the first request to sign in, or when someone is. */
let appCode: Promise<typeof import("./app-root")> | null = null;
const loadApp = () => {
  appCode ??= import("./app-root").catch((error: unknown) => {
    appCode = null;
    throw error;
  });
  return appCode;
};
const screen = createSignInScreen(signInElement, actions, () => void loadApp().catch(() => undefined));

/** Where the page is: before Firebase knows, showing the sign-in screen, loading the app, or in it. */
let phase: "starting" | "signed-out" | "entering" | "app" = "starting";
let unmountApp: (() => void) | null = null;
/** Set while someone signs out on purpose, so the sign-in screen forgets where they were. */
let leaving = false;
/** Whether Firebase has told the first auth state yet: a later sign-in happened on this page. */
let settled = false;

// Opened at the sign-in address (nearly always by someone signed out): the screen comes first,
// and works as soon as Firebase has started.
if (isSignInPath(window.location.pathname)) showSignIn(rememberedDestination(window.history.state), false);

session.then(
  (started) =>
    started.watch((user) => {
      const signedInHere = settled;
      settled = true;
      if (user) void enterApp(started, signedInHere);
      else leaveApp();
    }),
  (error: unknown) => {
    console.error(error);
    signInElement.hidden = true;
    bootStatus.hidden = false;
    bootStatus.textContent = navigator.onLine
      ? "The app couldn't load its settings. Reload the page to try again."
      : "You're offline. Open the app once with a connection, and from then on it starts offline too.";
  },
);

/** Shows the sign-in screen at /signin, keeping the deep link to return to in the history entry. */
function showSignIn(from: string | undefined, focusTitle: boolean) {
  phase = "signed-out";
  // An email link's query stays: the screen signs in with it.
  const address = isSignInPath(window.location.pathname) ? window.location.href : "/signin";
  window.history.replaceState(from ? { from } : null, "", address);
  bootStatus.hidden = true;
  screen.show(from, focusTitle);
}

/** Loads and mounts the app; `signedInHere` when the person just signed in on this page. */
async function enterApp(started: AuthSession, signedInHere: boolean) {
  if (phase === "entering" || phase === "app") return;
  phase = "entering";
  let app: typeof import("./app-root");
  try {
    app = await loadApp();
  } catch (error) {
    console.error(error);
    phase = "starting";
    screen.hide();
    bootStatus.hidden = false;
    bootStatus.textContent = "The app couldn't load. Check your connection and reload the page.";
    return;
  }
  // Signed out again while the app was loading.
  if (phase !== "entering") return;
  if (isSignInPath(window.location.pathname)) window.history.replaceState(null, "", screen.destination());
  screen.hide();
  bootStatus.hidden = true;
  unmountApp = app.mountApp(appRoot, {
    auth: started.auth,
    signOut: async () => {
      leaving = true;
      try {
        await started.signOut();
      } finally {
        leaving = false;
      }
    },
    // The controls they used are gone: the first screen's title takes the focus.
    focusTitle: signedInHere,
  });
  phase = "app";
}

function leaveApp() {
  const here = window.location.pathname + window.location.search;
  if (phase === "app") {
    // A session that ended by itself brings the person back here after signing in again.
    const from = leaving ? undefined : here;
    unmountApp?.();
    unmountApp = null;
    showSignIn(from, true);
  } else if (phase === "entering" && !signInElement.hidden) {
    // Signed out while the app was loading, with the sign-in screen still in view: it stays.
    phase = "signed-out";
  } else if (phase !== "signed-out") {
    // Opened at a deep link while signed out: sign in first, then go there.
    showSignIn(here, false);
  }
}

/** Offline start and updates, in production builds; after the page has loaded, so the first screen comes first. */
function startServiceWorker() {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const register = () => void import("./lib/pwa-register").then((pwa) => pwa.registerServiceWorker());
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`index.html has no #${id}`);
  return found;
}
