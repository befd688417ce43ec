// Keeps the last web config the server gave (/__/firebase/init.json) so that the installed app can
// start without a network. The service worker never caches /__/**, so the copy lives here instead:
// it holds only public settings (API key, project id, emulator address), never a credential.

const KEY = "contentcreator.webConfig";

/** The part of localStorage this module uses; a fake in tests. */
export type ConfigStore = Pick<Storage, "getItem" | "setItem">;

/** Stores a config that looks usable; storage that is full or blocked is ignored. */
export function rememberConfig<T extends object>(store: ConfigStore | undefined, config: T): void {
  if (!store || !isUsable(config)) return;
  try {
    store.setItem(KEY, JSON.stringify(config));
  } catch {
    // Private browsing or a full disk: starting offline then won't work, and nothing else breaks.
  }
}

/** The config stored by rememberConfig, or null when there is none or it is damaged. */
export function recallConfig<T extends object>(store: ConfigStore | undefined): T | null {
  let raw: string | null = null;
  try {
    raw = store?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isUsable(parsed) ? (parsed as T) : null;
  } catch {
    return null;
  }
}

/** Firebase can start only with an API key and a project id. */
function isUsable(config: unknown): boolean {
  if (typeof config !== "object" || config === null) return false;
  const { apiKey, projectId } = config as Record<string, unknown>;
  return typeof apiKey === "string" && apiKey.length > 0 && typeof projectId === "string" && projectId.length > 0;
}
