import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { startAuth } from "./lib/firebase";
import { startColorMode } from "./lib/color-mode";

startColorMode();
startServiceWorker();
// Opened at the sign-in address, fetch that screen's code while Firebase starts rather than after.
if (window.location.pathname === "/signin") void import("./routes/SignIn");

const container = document.getElementById("root")!;
const root = createRoot(container);

startAuth().then(
  (auth) =>
    root.render(
      <StrictMode>
        <App auth={auth} />
      </StrictMode>,
    ),
  (error: unknown) => {
    console.error(error);
    const message = document.getElementById("boot-status");
    if (!message) return;
    message.textContent = navigator.onLine
      ? "The app couldn't load its settings. Reload the page to try again."
      : "You're offline. Open the app once with a connection, and from then on it starts offline too.";
  },
);

/** Offline start and updates, in production builds; after the page has loaded, so the first screen comes first. */
function startServiceWorker() {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const register = () => void import("./lib/pwa-register").then((pwa) => pwa.registerServiceWorker());
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
