// Everything the page asks of Firebase Auth, behind one small interface. main.ts loads this module
// (and with it the Firebase SDK) right after the first paint, so the sign-in screen's markup and
// script never wait for the SDK.

import {
  browserPopupRedirectResolver,
  createUserWithEmailAndPassword,
  GoogleAuthProvider,
  isSignInWithEmailLink,
  onAuthStateChanged,
  sendSignInLinkToEmail,
  signInWithEmailAndPassword,
  signInWithEmailLink,
  signInWithPopup,
  signOut,
  type Auth,
  type User,
} from "firebase/auth";
import { startAuth } from "../lib/firebase";

/** The sign-in calls the light screen makes; each rejects with Firebase's error (it has a `code`). */
export interface AuthActions {
  signIn(email: string, password: string): Promise<void>;
  createAccount(email: string, password: string): Promise<void>;
  /** Emails a link that signs in at `returnUrl`. */
  sendLink(email: string, returnUrl: string): Promise<void>;
  /** Whether `href` is an emailed sign-in link. */
  isLink(href: string): boolean;
  completeLink(email: string, href: string): Promise<void>;
  google(): Promise<void>;
}

export interface AuthSession {
  auth: Auth;
  actions: AuthActions;
  /** Calls `listener` with the first known user (or null) and again on every change. */
  watch(listener: (user: User | null) => void): () => void;
  signOut(): Promise<void>;
}

/** Starts Firebase Auth from the server's web config (or the remembered one when offline). */
export async function startSession(): Promise<AuthSession> {
  const auth = await startAuth();
  const actions: AuthActions = {
    signIn: async (email, password) => void (await signInWithEmailAndPassword(auth, email, password)),
    createAccount: async (email, password) => void (await createUserWithEmailAndPassword(auth, email, password)),
    sendLink: (email, returnUrl) => sendSignInLinkToEmail(auth, email, { url: returnUrl, handleCodeInApp: true }),
    isLink: (href) => isSignInWithEmailLink(auth, href),
    completeLink: async (email, href) => void (await signInWithEmailLink(auth, email, href)),
    google: async () => void (await signInWithPopup(auth, new GoogleAuthProvider(), browserPopupRedirectResolver)),
  };
  return {
    auth,
    actions,
    watch: (listener) => onAuthStateChanged(auth, listener),
    signOut: () => signOut(auth),
  };
}
