// Whether a new version of the app is waiting, shared between the service worker's registration
// (lib/pwa-register.ts) and the prompt that offers it (components/UpdatePrompt.tsx).

export interface UpdateOffer {
  /** True while a new version waits for the person to accept it. */
  ready: boolean;
  /** True after they chose to reload, until the page reloads. */
  applying: boolean;
}

export interface UpdateStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): UpdateOffer;
  /** Called when a new service worker waits; `activate` makes it take over and reloads the page. */
  offer(activate: () => Promise<void>): void;
  /** Reloads into the new version. */
  apply(): Promise<void>;
  /** Hides the prompt; the new version starts the next time the app is opened. */
  dismiss(): void;
}

const IDLE: UpdateOffer = { ready: false, applying: false };

export function createUpdateStore(): UpdateStore {
  let state = IDLE;
  let activate: (() => Promise<void>) | null = null;
  const listeners = new Set<() => void>();
  const set = (next: UpdateOffer) => {
    state = next;
    listeners.forEach((listener) => listener());
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    offer(next) {
      activate = next;
      set({ ready: true, applying: false });
    },
    async apply() {
      if (!activate || state.applying) return;
      set({ ready: true, applying: true });
      try {
        await activate();
      } catch (error) {
        // The page stays as it was; the person can try again.
        set({ ready: true, applying: false });
        throw error;
      }
    },
    dismiss() {
      activate = null;
      set(IDLE);
    },
  };
}

/** The one store of this page. */
export const updates = createUpdateStore();
