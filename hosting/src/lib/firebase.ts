// Starts Firebase Auth from the web config the server publishes at /__/firebase/init.json.

import { initializeApp, type FirebaseOptions } from "firebase/app";
import {
  browserLocalPersistence,
  connectAuthEmulator,
  indexedDBLocalPersistence,
  initializeAuth,
  type Auth,
} from "firebase/auth";
import { recallConfig, rememberConfig } from "./web-config";

/** What /__/firebase/init.json holds; the local server adds `authEmulatorUrl`. */
interface WebConfig extends FirebaseOptions {
  authEmulatorUrl?: string;
}

/** The server's config, or the last one it gave when there is no network (an installed app offline). */
async function loadConfig(): Promise<WebConfig> {
  const store = typeof localStorage === "undefined" ? undefined : localStorage;
  let response: Response;
  try {
    response = await fetch("/__/firebase/init.json", { headers: { Accept: "application/json" } });
  } catch (offline) {
    const remembered = recallConfig<WebConfig>(store);
    if (remembered) return remembered;
    throw offline;
  }
  if (!response.ok) throw new Error(`/__/firebase/init.json answered ${response.status}`);
  const config = (await response.json()) as WebConfig;
  rememberConfig(store, config);
  return config;
}

export async function startAuth(): Promise<Auth> {
  const { authEmulatorUrl, ...options } = await loadConfig();
  const auth = initializeAuth(initializeApp(options), {
    persistence: [indexedDBLocalPersistence, browserLocalPersistence],
  });
  if (authEmulatorUrl) connectAuthEmulator(auth, authEmulatorUrl, { disableWarnings: true });
  return auth;
}
