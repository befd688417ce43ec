// A project's own API keys for providers: the calls (owners only) and the words the screen uses.
// The server never sends a key back: only whether one is set and its last four characters.

import { bodyOf, doneOf, type Api } from "./api";
import type { ProviderKey } from "./api-types";

export type KeyedProvider = ProviderKey["provider"];

/** How each provider is named, and where its owner finds a key. */
export const PROVIDER_INFO: Record<KeyedProvider, { label: string; where: string }> = {
  anthropic: { label: "Anthropic (Claude)", where: "console.anthropic.com → API keys" },
  gemini: { label: "Google Gemini", where: "aistudio.google.com → Get API key" },
  openai: { label: "OpenAI", where: "platform.openai.com → API keys" },
};

export function listProviderKeys(api: Api, projectId: string): Promise<{ items: ProviderKey[] }> {
  return bodyOf(api.client.GET("/api/projects/{projectId}/providers", { params: { path: { projectId } } }));
}

export function setProviderKey(api: Api, projectId: string, provider: KeyedProvider, key: string): Promise<ProviderKey> {
  return bodyOf(
    api.client.PUT("/api/projects/{projectId}/providers/{provider}/key", {
      params: { path: { projectId, provider } },
      body: { key: key.trim() },
    }),
  );
}

export function removeProviderKey(api: Api, projectId: string, provider: KeyedProvider): Promise<void> {
  return doneOf(
    api.client.DELETE("/api/projects/{projectId}/providers/{provider}/key", { params: { path: { projectId, provider } } }),
  );
}

/** What is wrong with a key as typed, in words, or null when it may be sent (the server checks again). */
export function keyProblem(typed: string): string | null {
  const key = typed.trim();
  if (key.length === 0) return "Paste the key first.";
  if (key.length < 8) return "That is too short to be an API key.";
  if (key.length > 512) return "That is too long to be an API key.";
  if (!/^[\x21-\x7e]+$/.test(key)) return "An API key has no spaces or special characters; check what was pasted.";
  return null;
}

/** The key's state in words: never the key, only its last four characters. */
export function keyState(k: ProviderKey): string {
  if (!k.enabled) {
    return k.set
      ? `Set, ending in ${k.last4 ?? "????"}; kept, but this server does not offer this provider yet`
      : "This server does not offer this provider yet; a key set here is kept until it does";
  }
  return k.set ? `Set, ending in ${k.last4 ?? "????"}; this project's items use it` : "Not set; this project's items use the server's key";
}
