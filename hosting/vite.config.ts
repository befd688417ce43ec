import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The Java server answers /api/** and /__/firebase/init.json. `vite` (dev) and `vite preview`
// pass those paths on to it; BACKEND_URL points them at a server on another address.
const backend = process.env.BACKEND_URL ?? "http://127.0.0.1:8080";
const proxy = { "/api": backend, "/__": backend };

export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true },
  server: { proxy },
  preview: { proxy },
  test: { environment: "node", include: ["src/**/*.test.ts"] },
});
