// Starts Firebase Auth from the web config the server publishes at /__/firebase/init.json.

import { initializeApp, type FirebaseOptions } from "firebase/app";
import {
  browserLocalPersistence,
  connectAuthEmulator,
  indexedDBLocalPersistence,
  initializeAuth,
  type Auth,
} from "firebase/auth";

/** What /__/firebase/init.json holds; the local server adds `authEmulatorUrl`. */
interface WebConfig extends FirebaseOptions {
  authEmulatorUrl?: string;
}

async function loadConfig(): Promise<WebConfig> {
  const response = await fetch("/__/firebase/init.json", { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`/__/firebase/init.json answered ${response.status}`);
  return (await response.json()) as WebConfig;
}

export async function startAuth(): Promise<Auth> {
  const { authEmulatorUrl, ...options } = await loadConfig();
  const auth = initializeAuth(initializeApp(options), {
    persistence: [indexedDBLocalPersistence, browserLocalPersistence],
  });
  if (authEmulatorUrl) connectAuthEmulator(auth, authEmulatorUrl, { disableWarnings: true });
  return auth;
}
