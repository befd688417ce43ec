// Sign-in by email link: the address is remembered on this device between asking for the link and
// opening it, so the person isn't asked for it again; so is the screen they were going to.

const EMAIL_KEY = "sign-in-link-email";
const NEXT_KEY = "sign-in-link-next";

/** The storage the app uses; a stand-in in tests. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function storage(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function rememberLinkRequest(email: string, next: string | undefined, store: KeyValueStore | null = storage()): void {
  try {
    store?.setItem(EMAIL_KEY, email);
    if (next && isAppPath(next)) store?.setItem(NEXT_KEY, next);
    else store?.removeItem(NEXT_KEY);
  } catch {
    // A private window may refuse; the person is then asked for their address on return.
  }
}

export function rememberedLinkEmail(store: KeyValueStore | null = storage()): string | null {
  try {
    return store?.getItem(EMAIL_KEY) || null;
  } catch {
    return null;
  }
}

/** The screen to go on to after the link, without forgetting it yet. */
export function linkNext(store: KeyValueStore | null = storage()): string {
  let next: string | null = null;
  try {
    next = store?.getItem(NEXT_KEY) ?? null;
  } catch {
    // Nothing remembered.
  }
  return next && isAppPath(next) ? next : "/";
}

/** Forgets the request once the link is used, and gives the screen to go on to. */
export function finishLinkRequest(store: KeyValueStore | null = storage()): string {
  let next: string | null = null;
  try {
    next = store?.getItem(NEXT_KEY) ?? null;
    store?.removeItem(EMAIL_KEY);
    store?.removeItem(NEXT_KEY);
  } catch {
    // Nothing to forget.
  }
  return next && isAppPath(next) ? next : "/";
}

/** Only paths inside this app: never another site, even one written as "//host". */
export function isAppPath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\");
}

/** Where the link should bring the person back to: this app's sign-in screen. */
export function linkReturnUrl(origin: string): string {
  return `${origin}/signin`;
}
