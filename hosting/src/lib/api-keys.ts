// API keys: the calls of the account screen's keys section (list, make, revoke) and what the form
// needs to offer only what the server allows: a key for one project has a role no higher than the
// person's there; a key for all projects may have any role (each project caps it at the person's).

import { bodyOf, doneOf, type Api } from "./api";
import type { ApiKey, IssuedApiKey, NewApiKey, Role } from "./api-types";
import { ROLE_LABELS } from "./roles";

export function listApiKeys(api: Api): Promise<{ items: ApiKey[] }> {
  return bodyOf(api.client.GET("/api/me/keys"));
}

export function createApiKey(api: Api, body: NewApiKey): Promise<IssuedApiKey> {
  return bodyOf(api.client.POST("/api/me/keys", { body }));
}

export function revokeApiKey(api: Api, keyId: string): Promise<void> {
  return doneOf(api.client.DELETE("/api/me/keys/{keyId}", { params: { path: { keyId } } }));
}

/** How long a key may live: the choices offered, in days; the server allows 365 at most. */
export const KEY_EXPIRY_DAYS = [7, 30, 90, 365] as const;

/** The value of the project choice that means every project of the person's. */
export const ALL_PROJECTS = "";

const ORDER: Role[] = ["viewer", "editor", "owner"];

/** The roles a key may have: up to the person's own in the chosen project, any for all projects. */
export function rolesFor(projectRole: Role | null): Role[] {
  if (projectRole === null) return ORDER;
  return ORDER.slice(0, ORDER.indexOf(projectRole) + 1);
}

/** The form as the screen holds it. */
export interface KeyForm {
  name: string;
  /** A project id, or ALL_PROJECTS. */
  projectId: string;
  role: Role;
  days: number;
}

/** The problems of the form, by field; empty when it may be sent. */
export function keyFormErrors(form: KeyForm, projectRole: Role | null): Record<string, string> {
  const errors: Record<string, string> = {};
  const name = form.name.trim();
  if (!name) errors.name = "Name the key, e.g. after what will use it.";
  else if ([...name].length > 100) errors.name = "A name has at most 100 characters.";
  if (!rolesFor(projectRole).includes(form.role)) {
    errors.role = `A key cannot have a higher role than yours in its project (${projectRole ? ROLE_LABELS[projectRole].toLowerCase() : ""}).`;
  }
  if (!Number.isInteger(form.days) || form.days < 1 || form.days > 365) errors.days = "A key lives 1 to 365 days.";
  return errors;
}

/** What POST /api/me/keys is sent for the form: no projectId for all projects. */
export function newKeyBody(form: KeyForm): NewApiKey {
  const body: NewApiKey = { name: form.name.trim(), role: form.role, ttlDays: form.days };
  return form.projectId === ALL_PROJECTS ? body : { ...body, projectId: form.projectId };
}

/** What a key reaches, in words: a project's name when known. */
export function keyScopeLabel(key: Pick<ApiKey, "projectId">, projectNames: ReadonlyMap<string, string>): string {
  if (!key.projectId) return "All your projects";
  return projectNames.get(key.projectId) ?? "A project you no longer see";
}

export function keyStatusLabel(status: ApiKey["status"]): string {
  return status === "active" ? "Active" : status === "expired" ? "Expired" : "Revoked";
}

/** How a request is signed with the key, for the note beside it. */
export function authorizationHeader(secret: string): string {
  return `Authorization: Bearer ${secret}`;
}
