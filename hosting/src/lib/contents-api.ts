// The API calls of the content screens: one item with its ETag, its versions, edits, restores,
// deletion, regeneration, templates, media lists and the project's brand voice.

import { bodyOf, doneOf, pageQuery, taggedBodyOf, type Api } from "./api";
import type { BrandVoiceChange, Content, ContentChange, ContentVersion, GenerationBody, Job, Project, Tagged, Template } from "./api-types";

export async function getContentTagged(api: Api, projectId: string, contentId: string): Promise<Tagged<Content>> {
  return taggedBodyOf(api.client.GET("/api/projects/{projectId}/contents/{contentId}", { params: { path: { projectId, contentId } } }));
}

export async function listVersions(api: Api, projectId: string, contentId: string): Promise<ContentVersion[]> {
  const page = await bodyOf(
    api.client.GET("/api/projects/{projectId}/contents/{contentId}/versions", { params: { path: { projectId, contentId } } }),
  );
  return page.items;
}

/** Renames, saves a new text (a new version) or restores a version; 412 when `etag` is stale. */
export async function updateContent(
  api: Api,
  projectId: string,
  contentId: string,
  etag: string,
  change: ContentChange,
): Promise<Tagged<Content>> {
  return taggedBodyOf(
    api.client.PATCH("/api/projects/{projectId}/contents/{contentId}", {
      params: { path: { projectId, contentId }, header: { "If-Match": etag } },
      body: change,
    }),
  );
}

export async function deleteContent(api: Api, projectId: string, contentId: string, etag: string): Promise<void> {
  await doneOf(
    api.client.DELETE("/api/projects/{projectId}/contents/{contentId}", {
      params: { path: { projectId, contentId }, header: { "If-Match": etag } },
    }),
  );
}

/** Starts a generation with every field the API takes; send the same key again when retrying it. */
export async function startGeneration(api: Api, projectId: string, body: GenerationBody, idempotencyKey: string): Promise<Job> {
  return bodyOf(
    api.client.POST("/api/projects/{projectId}/generations", {
      params: { path: { projectId }, header: { "Idempotency-Key": idempotencyKey } },
      body,
    }),
  );
}

/** The global templates and the project's own. */
export async function listTemplates(api: Api, projectId: string): Promise<Template[]> {
  const page = await bodyOf(api.client.GET("/api/templates", { params: { query: { projectId } } }));
  return page.items;
}

/** One page of a project's images or videos, newest first. */
export async function listMedia(api: Api, projectId: string, kind: "image" | "video", cursor: string | null) {
  return bodyOf(
    api.client.GET("/api/projects/{projectId}/contents", { params: { path: { projectId }, query: { ...pageQuery(cursor), kind } } }),
  );
}

/** Sets the project's brand voice (null removes it); editors and owners; 412 when `etag` is stale. */
export async function updateBrandVoice(
  api: Api,
  projectId: string,
  etag: string,
  brandVoice: BrandVoiceChange | null,
): Promise<Tagged<Project>> {
  return taggedBodyOf(
    api.client.PATCH("/api/projects/{projectId}", {
      params: { path: { projectId }, header: { "If-Match": etag } },
      body: { brandVoice },
    }),
  );
}

/**
 * Makes a text again with its brand rule findings as instructions (a regeneration); 409 when its
 * current version has none. The server keys the request on the version, so a repeat is harmless.
 */
export async function fixContent(api: Api, projectId: string, contentId: string): Promise<Job> {
  return bodyOf(api.client.POST("/api/projects/{projectId}/contents/{contentId}/fix", { params: { path: { projectId, contentId } } }));
}

/** A style guide the project's text provider drafts from sample texts; nothing is stored. */
export async function draftBrandVoice(
  api: Api,
  projectId: string,
  samples: string[],
): Promise<{ systemPrompt: string; provider: string; model: string; demo: boolean }> {
  return bodyOf(api.client.POST("/api/projects/{projectId}/brand/draft", { params: { path: { projectId } }, body: { samples } }));
}
