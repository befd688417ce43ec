// The API calls of the content screens: one item with its ETag, its versions, edits, restores,
// deletion, regeneration, templates, media lists and the project's brand voice.

import type { Api, Content, ContentVersion, Job, Page, Project } from "./api";
import { PAGE_SIZE } from "./api";
import type { BrandVoice, GenerationBody } from "./generation";
import { responseToError } from "./problem";
import type { Template } from "./template-form";

/** A version with every fact the API gives about it. */
export interface VersionDetail extends ContentVersion {
  blurHash?: string | null;
  byteSize?: number;
  durationSeconds?: number | null;
  source?: "generated" | "uploaded" | "imported" | "edited" | "restored";
  provider?: string | null;
  model?: string | null;
  jobId?: string | null;
}

export interface ContentDetail extends Content {
  title?: string;
  latestVersion?: number;
  version: number;
  jobId?: string | null;
  createdAt?: string;
  updatedAt?: string;
  current?: VersionDetail;
}

/** A content item with the entity tag to send back in If-Match. */
export interface Tagged<T> {
  value: T;
  etag: string;
}

export interface ProjectWithVoice extends Project {
  brandVoice?: BrandVoice | null;
}

export type ContentChange = { title?: string; text?: string; restoreVersion?: number };

function contentPath(projectId: string, contentId: string): string {
  return `/api/projects/${encodeURIComponent(projectId)}/contents/${encodeURIComponent(contentId)}`;
}

/** The ETag header, or the version in the body (the server's tags are the version, quoted). */
function etagOf(response: Response, version: number): string {
  return response.headers.get("ETag") ?? `"${version}"`;
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw await responseToError(response);
  return (await response.json()) as T;
}

export async function getContentTagged(api: Api, projectId: string, contentId: string): Promise<Tagged<ContentDetail>> {
  const response = await api.fetch(contentPath(projectId, contentId));
  const value = await json<ContentDetail>(response);
  return { value, etag: etagOf(response, value.version) };
}

export async function listVersions(api: Api, projectId: string, contentId: string): Promise<VersionDetail[]> {
  const page = await json<{ items: VersionDetail[] }>(await api.fetch(`${contentPath(projectId, contentId)}/versions`));
  return page.items ?? [];
}

/** Renames, saves a new text (a new version) or restores a version; 412 when `etag` is stale. */
export async function updateContent(
  api: Api,
  projectId: string,
  contentId: string,
  etag: string,
  change: ContentChange,
): Promise<Tagged<ContentDetail>> {
  const response = await api.fetch(contentPath(projectId, contentId), {
    method: "PATCH",
    headers: { "If-Match": etag },
    body: JSON.stringify(change),
  });
  const value = await json<ContentDetail>(response);
  return { value, etag: etagOf(response, value.version) };
}

export async function deleteContent(api: Api, projectId: string, contentId: string, etag: string): Promise<void> {
  const response = await api.fetch(contentPath(projectId, contentId), { method: "DELETE", headers: { "If-Match": etag } });
  if (!response.ok) throw await responseToError(response);
}

/** Starts a generation with every field the API takes; send the same key again when retrying it. */
export async function startGeneration(api: Api, projectId: string, body: GenerationBody, idempotencyKey: string): Promise<Job> {
  const response = await api.fetch(`/api/projects/${encodeURIComponent(projectId)}/generations`, {
    method: "POST",
    headers: { "Idempotency-Key": idempotencyKey },
    body: JSON.stringify(body),
  });
  return json<Job>(response);
}

/** The global templates and the project's own. */
export async function listTemplates(api: Api, projectId: string): Promise<Template[]> {
  const page = await json<{ items: Template[] }>(await api.fetch(`/api/templates?projectId=${encodeURIComponent(projectId)}`));
  return page.items ?? [];
}

/** One page of a project's images or videos, newest first. */
export async function listMedia(api: Api, projectId: string, kind: "image" | "video", cursor: string | null): Promise<Page<ContentDetail>> {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE), kind });
  if (cursor) query.set("cursor", cursor);
  return json<Page<ContentDetail>>(await api.fetch(`/api/projects/${encodeURIComponent(projectId)}/contents?${query}`));
}

/** Sets the project's brand voice (null removes it); editors and owners; 412 when `etag` is stale. */
export async function updateBrandVoice(
  api: Api,
  projectId: string,
  etag: string,
  brandVoice: BrandVoice | null,
): Promise<Tagged<ProjectWithVoice>> {
  const response = await api.fetch(`/api/projects/${encodeURIComponent(projectId)}`, {
    method: "PATCH",
    headers: { "If-Match": etag },
    body: JSON.stringify({ brandVoice }),
  });
  const value = await json<ProjectWithVoice>(response);
  return { value, etag: etagOf(response, value.version) };
}
