// Calls for the screens about people and the work they share: the account and its usage, project
// archiving, members and roles, templates and batches. Kept apart from api.ts so the screens of
// contents and of people grow without editing the same file; it sends them through api.ts's client
// (the signed-in person's ID token, one retry with a fresh token after a 401).

import { Api, PAGE_SIZE, type Kind, type Page, type Project, type Role, type TokenSource } from "./api";
import { responseToError } from "./problem";

/** This month's usage, as /api/me gives it. */
export interface Usage {
  period: string;
  inputTokens: number;
  outputTokens: number;
  images: number;
  videoSeconds: number;
  items: number;
  costMicros: number;
  /** Held for jobs still running: their unfinished items' worst case, counted against the limits. */
  reservedTokens?: number;
  reservedImages?: number;
  reservedVideoSeconds?: number;
}

/** A project as GET /api/projects/{id} gives it: with what it has used this month. */
export type ProjectWithUsage = Project & { usage?: Usage };

/** Each person's monthly limits. */
export interface Limits {
  tokensPerMonth: number;
  imagesPerMonth: number;
  videoSecondsPerMonth: number;
}

export interface Me {
  uid: string;
  email?: string | null;
  displayName?: string | null;
  photoUrl?: string | null;
  version: number;
  usage?: Usage;
  limits?: Limits;
}

export interface Member {
  projectId: string;
  uid: string;
  role: Role;
  email?: string | null;
  displayName?: string | null;
  addedAt?: string;
}

export type InvitationStatus = "pending" | "accepted" | "declined" | "revoked" | "expired";

/** An invitation to join a project, addressed to an e-mail address. */
export interface Invitation {
  id: string;
  projectId: string;
  projectName: string;
  email: string;
  role: Role;
  status: InvitationStatus;
  invitedBy: string;
  invitedByName?: string | null;
  createdAt: string;
  expiresAt: string;
}

/** An invitation just sent or resent: with the accept link, shown this once. */
export type IssuedInvitation = Invitation & { acceptPath: string };

export type { Template, TemplateVariable } from "./template-form";

export type BatchRow = Record<string, string>;

export interface Batch {
  id: string;
  projectId: string;
  name: string;
  templateId: string;
  kind: Kind;
  rows: BatchRow[];
  schedule: string;
  timeZone: string;
  paused: boolean;
  maxConcurrent: number;
  budgetMicros: number;
  lastDueAt?: string | null;
  lastRunId?: string | null;
  createdAt?: string;
  version: number;
  /** Why the scheduler last failed to start a run for a reason nobody expected; null once a run starts. */
  lastError?: string | null;
  lastErrorAt?: string | null;
}

export type RunStatus = "queued" | "running" | "completed" | "failed" | "cancelled" | "skipped";

export interface BatchRun {
  id: string;
  batchId: string;
  dueAt: string;
  trigger: "schedule" | "manual";
  jobId?: string | null;
  /** Every job of the run: a run of more rows than one job may hold is split into several. */
  jobIds?: string[];
  skipped?: string | null;
  /** Rows left out when the run started (a prompt too long by then), with why. */
  skippedRows?: { row: number; reason: string }[];
  /** Only in the answer to "run now": false when it answered a run an earlier press started. */
  started?: boolean;
  startedAt: string;
  status: RunStatus;
  items?: number;
  completed?: number;
  failed?: number;
  cancelled?: number;
  costMicros?: number;
  failures?: { row: number; reason: string }[];
}

export interface BatchSpec {
  name: string;
  templateId: string;
  rows: BatchRow[];
  schedule: string;
  timeZone: string;
  maxConcurrent: number;
  budgetMicros: number;
}

export type BatchChange = Partial<Pick<Batch, "name" | "paused" | "schedule" | "timeZone" | "maxConcurrent" | "budgetMicros" | "rows">>;

interface Call {
  method?: string;
  json?: unknown;
  /** A raw body (a CSV file), sent with its own content type. */
  file?: Blob;
  contentType?: string;
  version?: number;
}

/** The entity tag the server gives a resource at this version, for If-Match. */
export function etag(version: number): string {
  return `"${version}"`;
}

export class PeopleApi {
  private readonly api: Api;

  constructor(token: TokenSource) {
    this.api = new Api(token);
  }

  me(): Promise<Me> {
    return this.call("/api/me");
  }

  /** Archives or restores a project; refused with 412 if it changed since `project` was read. */
  setArchived(project: Project, archived: boolean): Promise<Project> {
    return this.call(projectPath(project.id), { method: "PATCH", json: { archived }, version: project.version });
  }

  listMembers(projectId: string, cursor: string | null): Promise<Page<Member>> {
    return this.call(`${projectPath(projectId)}/members?${pageQuery(cursor, 100)}`);
  }

  /** Invites an address; nobody joins until a person signed in with it, verified, accepts. */
  invite(projectId: string, email: string, role: Role): Promise<IssuedInvitation> {
    return this.call(`${projectPath(projectId)}/members`, { method: "POST", json: { email, role } });
  }

  /** The project's unanswered invitations (owners). */
  listInvitations(projectId: string, cursor: string | null): Promise<Page<Invitation>> {
    return this.call(`${projectPath(projectId)}/invitations?${pageQuery(cursor, 100)}`);
  }

  revokeInvitation(projectId: string, invitationId: string): Promise<Invitation> {
    return this.call(`${invitationPath(projectId, invitationId)}:revoke`, { method: "POST" });
  }

  /** A new expiry and a new link; the old link stops working. */
  resendInvitation(projectId: string, invitationId: string): Promise<IssuedInvitation> {
    return this.call(`${invitationPath(projectId, invitationId)}:resend`, { method: "POST" });
  }

  /** The invitations waiting for the signed-in person's verified address. */
  myInvitations(): Promise<Page<Invitation>> {
    return this.call(`/api/invitations?${pageQuery(null, 100)}`);
  }

  acceptInvitation(invitationId: string, token: string | null): Promise<Member> {
    return this.call(`/api/invitations/${encodeURIComponent(invitationId)}:accept`, {
      method: "POST",
      json: token ? { token } : {},
    });
  }

  declineInvitation(invitationId: string, token: string | null): Promise<void> {
    return this.call(`/api/invitations/${encodeURIComponent(invitationId)}:decline`, {
      method: "POST",
      json: token ? { token } : {},
    });
  }

  changeRole(projectId: string, uid: string, role: Role): Promise<Member> {
    return this.call(memberPath(projectId, uid), { method: "PATCH", json: { role } });
  }

  /** Removes a member; with one's own uid, leaves the project. */
  removeMember(projectId: string, uid: string): Promise<void> {
    return this.call(memberPath(projectId, uid), { method: "DELETE" });
  }

  listBatches(projectId: string, cursor: string | null): Promise<Page<Batch>> {
    return this.call(`${projectPath(projectId)}/batches?${pageQuery(cursor, PAGE_SIZE)}`);
  }

  getBatch(projectId: string, batchId: string): Promise<Batch> {
    return this.call(batchPath(projectId, batchId));
  }

  createBatch(projectId: string, spec: BatchSpec): Promise<Batch> {
    return this.call(`${projectPath(projectId)}/batches`, { method: "POST", json: spec });
  }

  updateBatch(batch: Batch, change: BatchChange): Promise<Batch> {
    return this.call(batchPath(batch.projectId, batch.id), { method: "PATCH", json: change, version: batch.version });
  }

  deleteBatch(batch: Batch): Promise<void> {
    return this.call(batchPath(batch.projectId, batch.id), { method: "DELETE", version: batch.version });
  }

  /** Replaces the batch's rows with those of a CSV file. */
  uploadRows(projectId: string, batchId: string, file: Blob): Promise<Batch> {
    return this.call(`${batchPath(projectId, batchId)}/rows`, { method: "POST", file, contentType: "text/csv" });
  }

  listRuns(projectId: string, batchId: string, cursor: string | null): Promise<Page<BatchRun>> {
    return this.call(`${batchPath(projectId, batchId)}/runs?${pageQuery(cursor, PAGE_SIZE)}`);
  }

  runNow(projectId: string, batchId: string): Promise<BatchRun> {
    return this.call(`${batchPath(projectId, batchId)}:run`, { method: "POST" });
  }

  cancelRun(projectId: string, batchId: string): Promise<BatchRun> {
    return this.call(`${batchPath(projectId, batchId)}:cancel`, { method: "POST" });
  }

  private async call<T>(path: string, call: Call = {}): Promise<T> {
    const headers = new Headers();
    let body: BodyInit | undefined;
    if (call.file) {
      body = call.file;
      headers.set("Content-Type", call.contentType ?? "application/octet-stream");
    } else if (call.json !== undefined) {
      body = JSON.stringify(call.json);
    }
    if (call.version !== undefined) headers.set("If-Match", etag(call.version));
    // The shared client signs the call in, retries once with a fresh token after a 401, and turns
    // a network failure into the offline message.
    const response = await this.api.fetch(path, { method: call.method ?? "GET", headers, body });
    if (!response.ok) throw await responseToError(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
}

function projectPath(projectId: string): string {
  return `/api/projects/${encodeURIComponent(projectId)}`;
}

function memberPath(projectId: string, uid: string): string {
  return `${projectPath(projectId)}/members/${encodeURIComponent(uid)}`;
}

function invitationPath(projectId: string, invitationId: string): string {
  return `${projectPath(projectId)}/invitations/${encodeURIComponent(invitationId)}`;
}

function batchPath(projectId: string, batchId: string): string {
  return `${projectPath(projectId)}/batches/${encodeURIComponent(batchId)}`;
}

function pageQuery(cursor: string | null, limit: number): URLSearchParams {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor) query.set("cursor", cursor);
  return query;
}
