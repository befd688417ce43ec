// Light and dark: follows the system until the person picks one, then remembers the choice.
// Free of React: the light sign-in screen uses it before the app (and React) has loaded.

export type ColorMode = "light" | "dark";

const STORAGE_KEY = "color-mode";
const listeners = new Set<() => void>();

function stored(): ColorMode | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === "light" || value === "dark" ? value : null;
  } catch {
    return null;
  }
}

function systemMode(): ColorMode {
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

let current: ColorMode = "light";

function apply(mode: ColorMode): void {
  current = mode;
  const root = document.documentElement;
  root.classList.toggle("dark", mode === "dark");
  root.classList.toggle("light", mode === "light");
  root.style.colorScheme = mode;
  listeners.forEach((listener) => listener());
}

/** Sets the page's mode before the first render, so there is no flash of the wrong one. */
export function startColorMode(): void {
  apply(stored() ?? systemMode());
  window.matchMedia?.("(prefers-color-scheme: dark)").addEventListener("change", () => {
    if (!stored()) apply(systemMode());
  });
}

/** Calls `listener` whenever the mode changes; gives the function that stops it. */
export function subscribeColorMode(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentColorMode(): ColorMode {
  return current;
}

/** Switches to the other mode and remembers the choice on this device. */
export function toggleColorMode(): void {
  const next: ColorMode = current === "dark" ? "light" : "dark";
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private windows may refuse storage; the choice then lasts until reload.
  }
  apply(next);
}
