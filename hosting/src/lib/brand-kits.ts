// A project's brand kits: the calls and the words the screens use. One kit is the default: a job
// that names none writes in it, and the project's brand voice is its voice.

import { bodyOf, doneOf, etag, type Api } from "./api";
import type { BrandKit, BrandKitChange, NewBrandKit } from "./api-types";

export function listBrandKits(api: Api, projectId: string): Promise<BrandKit[]> {
  return bodyOf(api.client.GET("/api/projects/{projectId}/brandkits", { params: { path: { projectId } } })).then(
    (answer) => answer.items,
  );
}

export function createBrandKit(api: Api, projectId: string, kit: NewBrandKit): Promise<BrandKit> {
  return bodyOf(api.client.POST("/api/projects/{projectId}/brandkits", { params: { path: { projectId } }, body: kit }));
}

export function updateBrandKit(api: Api, projectId: string, kitId: string, change: BrandKitChange, version?: number): Promise<BrandKit> {
  return bodyOf(
    api.client.PATCH("/api/projects/{projectId}/brandkits/{kitId}", {
      params: { path: { projectId, kitId }, header: version === undefined ? {} : { "If-Match": etag(version) } },
      body: change,
    }),
  );
}

export function deleteBrandKit(api: Api, projectId: string, kit: BrandKit): Promise<void> {
  return doneOf(
    api.client.DELETE("/api/projects/{projectId}/brandkits/{kitId}", {
      params: { path: { projectId, kitId: kit.id }, header: { "If-Match": etag(kit.version) } },
    }),
  );
}

/** What is wrong with a kit's name as typed, or null. */
export function kitNameProblem(typed: string): string | null {
  const name = typed.trim();
  if (name.length === 0) return "Name the kit.";
  if (name.length > 60) return "Keep the name to 60 characters.";
  return null;
}

/** A kit in one line: its name, "default" when it is, and its rules in short. */
export function kitSummary(kit: BrandKit): string {
  const v = kit.voice;
  const parts: string[] = [];
  if (v.tone) parts.push(`${v.tone} tone`);
  if (v.bannedWords && v.bannedWords.length > 0) parts.push(`bans ${v.bannedWords.join(", ")}`);
  if (v.requiredTerms && v.requiredTerms.length > 0) parts.push(`requires ${v.requiredTerms.join(", ")}`);
  if (v.imageStyle) parts.push("image style");
  return parts.length > 0 ? parts.join(" · ") : "No rules yet";
}
