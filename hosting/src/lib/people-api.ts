// Calls for the screens about people and the work they share: the account and its usage, project
// archiving, members and roles, templates and batches. Kept apart from api.ts so the screens of
// contents and of people grow without editing the same file; it sends them through api.ts's client
// (the signed-in person's ID token, one retry with a fresh token after a 401).

import { Api, bodyOf, doneOf, etag, pageQuery, type TokenSource } from "./api";
import type { BackgroundExport, Batch, BatchChange, BatchRun, BatchSpec, ExportRequest, ExportStyle, Invitation, IssuedInvitation, Me, Member, Project, Role } from "./api-types";

/** The longest page of members and invitations the server gives. */
const PEOPLE_PAGE = 100;

export class PeopleApi {
  private readonly client: Api["client"];

  constructor(token: TokenSource) {
    this.client = new Api(token).client;
  }

  me(): Promise<Me> {
    return bodyOf(this.client.GET("/api/me"));
  }

  /** Archives or restores a project; refused with 412 if it changed since `project` was read. */
  setArchived(project: Project, archived: boolean): Promise<Project> {
    return bodyOf(
      this.client.PATCH("/api/projects/{projectId}", {
        params: { path: { projectId: project.id }, header: { "If-Match": etag(project.version) } },
        body: { archived },
      }),
    );
  }

  listMembers(projectId: string, cursor: string | null) {
    return bodyOf(this.client.GET("/api/projects/{projectId}/members", { params: { path: { projectId }, query: pageQuery(cursor, PEOPLE_PAGE) } }));
  }

  /** Invites an address; nobody joins until a person signed in with it, verified, accepts. */
  invite(projectId: string, email: string, role: Role): Promise<IssuedInvitation> {
    return bodyOf(this.client.POST("/api/projects/{projectId}/members", { params: { path: { projectId } }, body: { email, role } }));
  }

  /** The project's unanswered invitations (owners). */
  listInvitations(projectId: string, cursor: string | null) {
    return bodyOf(
      this.client.GET("/api/projects/{projectId}/invitations", { params: { path: { projectId }, query: pageQuery(cursor, PEOPLE_PAGE) } }),
    );
  }

  revokeInvitation(projectId: string, invitationId: string): Promise<Invitation> {
    return bodyOf(
      this.client.POST("/api/projects/{projectId}/invitations/{invitationId}/revoke", { params: { path: { projectId, invitationId } } }),
    );
  }

  /** A new expiry and a new link; the old link stops working. */
  resendInvitation(projectId: string, invitationId: string): Promise<IssuedInvitation> {
    return bodyOf(
      this.client.POST("/api/projects/{projectId}/invitations/{invitationId}/resend", { params: { path: { projectId, invitationId } } }),
    );
  }

  /** The invitations waiting for the signed-in person's verified address. */
  myInvitations() {
    return bodyOf(this.client.GET("/api/invitations", { params: { query: pageQuery(null, PEOPLE_PAGE) } }));
  }

  acceptInvitation(invitationId: string, token: string | null): Promise<Member> {
    return bodyOf(
      this.client.POST("/api/invitations/{invitationId}/accept", { params: { path: { invitationId } }, body: token ? { token } : {} }),
    );
  }

  declineInvitation(invitationId: string, token: string | null): Promise<void> {
    return doneOf(
      this.client.POST("/api/invitations/{invitationId}/decline", { params: { path: { invitationId } }, body: token ? { token } : {} }),
    );
  }

  changeRole(projectId: string, uid: string, role: Role): Promise<Member> {
    return bodyOf(this.client.PATCH("/api/projects/{projectId}/members/{uid}", { params: { path: { projectId, uid } }, body: { role } }));
  }

  /** Removes a member; with one's own uid, leaves the project. */
  removeMember(projectId: string, uid: string): Promise<void> {
    return doneOf(this.client.DELETE("/api/projects/{projectId}/members/{uid}", { params: { path: { projectId, uid } } }));
  }

  listBatches(projectId: string, cursor: string | null) {
    return bodyOf(this.client.GET("/api/projects/{projectId}/batches", { params: { path: { projectId }, query: pageQuery(cursor) } }));
  }

  getBatch(projectId: string, batchId: string): Promise<Batch> {
    return bodyOf(this.client.GET("/api/projects/{projectId}/batches/{batchId}", { params: { path: { projectId, batchId } } }));
  }

  createBatch(projectId: string, spec: BatchSpec): Promise<Batch> {
    return bodyOf(this.client.POST("/api/projects/{projectId}/batches", { params: { path: { projectId } }, body: spec }));
  }

  updateBatch(batch: Batch, change: BatchChange): Promise<Batch> {
    return bodyOf(
      this.client.PATCH("/api/projects/{projectId}/batches/{batchId}", {
        params: { path: { projectId: batch.projectId, batchId: batch.id }, header: { "If-Match": etag(batch.version) } },
        body: change,
      }),
    );
  }

  deleteBatch(batch: Batch): Promise<void> {
    return doneOf(
      this.client.DELETE("/api/projects/{projectId}/batches/{batchId}", {
        params: { path: { projectId: batch.projectId, batchId: batch.id }, header: { "If-Match": etag(batch.version) } },
      }),
    );
  }

  /** Replaces the batch's rows with those of a CSV file. */
  uploadRows(projectId: string, batchId: string, file: Blob): Promise<Batch> {
    return bodyOf(
      this.client.POST("/api/projects/{projectId}/batches/{batchId}/rows", {
        params: { path: { projectId, batchId } },
        body: file,
        // Sent as it is, with its own type, instead of as JSON.
        bodySerializer: (csv) => csv,
        headers: { "Content-Type": "text/csv" },
      }),
    );
  }

  listRuns(projectId: string, batchId: string, cursor: string | null) {
    return bodyOf(
      this.client.GET("/api/projects/{projectId}/batches/{batchId}/runs", { params: { path: { projectId, batchId }, query: pageQuery(cursor) } }),
    );
  }

  runNow(projectId: string, batchId: string): Promise<BatchRun> {
    return bodyOf(this.client.POST("/api/projects/{projectId}/batches/{batchId}/run", { params: { path: { projectId, batchId } } }));
  }

  /** A run as a CSV or JSON Lines file, one line per row (viewers and up). */
  async exportRun(projectId: string, batchId: string, runId: string, format: "csv" | "jsonl"): Promise<Blob> {
    const file: unknown = await bodyOf(
      this.client.GET("/api/projects/{projectId}/batches/{batchId}/runs/{runId}/export", {
        params: { path: { projectId, batchId, runId }, query: { format } },
        parseAs: "blob",
      }),
    );
    const type = format === "csv" ? "text/csv;charset=utf-8" : "application/x-ndjson;charset=utf-8";
    return file instanceof Blob ? file : new Blob([String(file)], { type });
  }

  /** The images and videos a run made, as one ZIP (viewers and up). */
  async exportRunMedia(projectId: string, batchId: string, runId: string): Promise<Blob> {
    const file: unknown = await bodyOf(
      this.client.GET("/api/projects/{projectId}/batches/{batchId}/runs/{runId}/media.zip", {
        params: { path: { projectId, batchId, runId } },
        parseAs: "blob",
      }),
    );
    return file instanceof Blob ? file : new Blob([String(file)], { type: "application/zip" });
  }

  /** Starts building a run's file or the gallery's ZIP in the background (viewers and up). */
  startExport(projectId: string, request: ExportRequest): Promise<BackgroundExport> {
    return bodyOf(this.client.POST("/api/projects/{projectId}/exports", { params: { path: { projectId } }, body: request }));
  }

  /** One background export, with a fresh signed link once ready. */
  getExport(projectId: string, exportId: string): Promise<BackgroundExport> {
    return bodyOf(this.client.GET("/api/projects/{projectId}/exports/{exportId}", { params: { path: { projectId, exportId } } }));
  }

  /** The project's background exports, and from how many rows a run's file is built that way. */
  listExports(projectId: string): Promise<{ items: BackgroundExport[]; backgroundRows: number }> {
    return bodyOf(this.client.GET("/api/projects/{projectId}/exports", { params: { path: { projectId } } }));
  }

  /** A content item as a document in the project's export style (viewers and up). */
  async exportContent(projectId: string, contentId: string, format: "md" | "html" | "docx" | "pdf", version?: number): Promise<Blob> {
    const file: unknown = await bodyOf(
      this.client.GET("/api/projects/{projectId}/contents/{contentId}/export", {
        params: { path: { projectId, contentId }, query: { format, version } },
        parseAs: "blob",
      }),
    );
    return file instanceof Blob ? file : new Blob([String(file)]);
  }

  /** How the project's exported documents look (viewers and up). */
  exportStyle(projectId: string): Promise<ExportStyle> {
    return bodyOf(this.client.GET("/api/projects/{projectId}/export-style", { params: { path: { projectId } } }));
  }

  /** Replaces how the project's exported documents look (owners). */
  saveExportStyle(projectId: string, style: ExportStyle): Promise<ExportStyle> {
    return bodyOf(this.client.PUT("/api/projects/{projectId}/export-style", { params: { path: { projectId } }, body: style }));
  }

  cancelRun(projectId: string, batchId: string): Promise<BatchRun> {
    return bodyOf(this.client.POST("/api/projects/{projectId}/batches/{batchId}/cancel", { params: { path: { projectId, batchId } } }));
  }
}
