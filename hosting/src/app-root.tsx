// The signed-in app (React, Chakra UI, the router and every screen) as one thing main.ts loads on
// demand: nobody signed out downloads any of it.

import type { Auth } from "firebase/auth";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { requestTitleFocus } from "./components/PageTitle";

export interface MountOptions {
  auth: Auth;
  signOut: () => Promise<void>;
  /** Put the focus on the first screen's title: the control the person used is gone. */
  focusTitle: boolean;
}

/** Renders the app into `container`; gives the function that takes it down again. */
export function mountApp(container: HTMLElement, { auth, signOut, focusTitle }: MountOptions): () => void {
  if (focusTitle) requestTitleFocus();
  const root = createRoot(container);
  root.render(
    <StrictMode>
      <App auth={auth} signOut={signOut} />
    </StrictMode>,
  );
  return () => root.unmount();
}
