// Registers the service worker that vite-plugin-pwa builds (precached app shell, offline start).
// Loaded after the first screen has rendered so that workbox-window is not part of its JavaScript.

import { registerSW } from "virtual:pwa-register";
import { updates } from "./pwa-update";

/** How often an open app asks whether a new version was deployed. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

export function registerServiceWorker(): void {
  const update = registerSW({
    immediate: true,
    // A new version waits until the person accepts it, so nothing they are typing is lost.
    onNeedRefresh: () => updates.offer(() => update(true)),
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      setInterval(() => {
        if (document.visibilityState === "visible" && navigator.onLine) void registration.update().catch(() => undefined);
      }, CHECK_EVERY_MS);
    },
    onRegisterError: (error: unknown) => console.warn("The app won't work offline: its service worker didn't register.", error),
  });
}
