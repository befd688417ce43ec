import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { startAuth } from "./lib/firebase";
import { startColorMode } from "./lib/color-mode";

startColorMode();

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
    if (message) message.textContent = "The app couldn't load its settings. Reload the page to try again.";
  },
);
