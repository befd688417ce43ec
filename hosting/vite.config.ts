import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";
import { defineConfig } from "vitest/config";
import { manifest } from "./src/lib/pwa-manifest.ts";

// The Java server answers /api/** and /__/firebase/init.json. `vite` (dev) and `vite preview`
// pass those paths on to it; BACKEND_URL points them at a server on another address.
const backend = process.env.BACKEND_URL ?? "http://127.0.0.1:8080";
const proxy = { "/api": backend, "/__": backend };

// Paths the service worker must leave to the network even for a navigation: the API, the
// server's reserved /__/ paths, and the Auth emulator's pages the local server passes through.
const networkOnly = [/^\/api(\/|$)/, /^\/__(\/|$)/, /^\/emulator(\/|$)/, /^\/[a-z]+\.googleapis\.com(\/|$)/];

// The two largest libraries, each in a chunk of its own, so a release that changes only the app's
// code leaves them cached: Firebase (which the sign-in screen loads right after the first paint)
// and React (which only the signed-in app loads, src/app-root.tsx). Chakra UI is left to the bundler
// on purpose: grouped whole, the first screen of the app would also download the components only
// later screens use (14 kB gzipped more).
const vendorChunks: { name: string; test: RegExp }[] = [
  { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  { name: "firebase", test: /node_modules[\\/](@firebase|firebase|idb)[\\/]/ },
];

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // A new version waits for the person to accept it (components/UpdatePrompt.tsx).
      registerType: "prompt",
      // main.tsx registers the worker itself once the page has loaded.
      injectRegister: false,
      manifest,
      // The icons are precached with the rest of public/ by the glob below.
      includeManifestIcons: false,
      workbox: {
        // The app shell: every built file, so the installed app starts without a network.
        globPatterns: ["**/*.{js,css,html,svg,png,webmanifest}"],
        navigateFallback: "/index.html",
        navigateFallbackDenylist: networkOnly,
        // No runtime caching: API answers and init.json always come from the network.
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // dist/.vite/manifest.json maps each screen to its chunks for bench/first-route.sh; hidden
    // files are neither served nor precached.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: vendorChunks.map((chunk, index) => ({ ...chunk, priority: vendorChunks.length - index })),
        },
      },
    },
  },
  server: { proxy },
  preview: { proxy },
  test: { environment: "node", include: ["src/**/*.test.ts"] },
});
