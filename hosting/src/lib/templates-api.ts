// The API calls of template authoring: the merged list (built-in, the person's library, the
// project's), make, change (with the version it was based on), duplicate, delete, versions, a diff,
// restore, previews, import and export, and "try it" on up to three rows.

import { bodyOf, doneOf, type Api } from "./api";
import type { Job, Template, TemplateDraft, TemplateExport, TemplateVariableInput } from "./api-types";

export type Scope = "personal" | "project";

/** Built-in templates, the person's library and the project's, each with its scope. */
export async function listAllTemplates(api: Api, projectId: string): Promise<Template[]> {
  return (await bodyOf(api.client.GET("/api/projects/{projectId}/templates", { params: { path: { projectId } } }))).items;
}

export function createTemplate(api: Api, projectId: string, scope: Scope, body: TemplateDraft): Promise<Template> {
  return scope === "project"
    ? bodyOf(api.client.POST("/api/projects/{projectId}/templates", { params: { path: { projectId } }, body }))
    : bodyOf(api.client.POST("/api/templates", { body }));
}

/** A template's own routes: a personal one's in the library (its owner's, whatever their role here), others under the project. */
type Where = { projectId: string; template: Pick<Template, "id" | "scope"> };

export function updateTemplate(api: Api, { projectId, template }: Where, basedOn: number, draft: TemplateDraft): Promise<Template> {
  const body = { basedOn, ...draft };
  return template.scope === "personal"
    ? bodyOf(api.client.PATCH("/api/templates/{templateId}", { params: { path: { templateId: template.id } }, body }))
    : bodyOf(api.client.PATCH("/api/projects/{projectId}/templates/{templateId}", { params: { path: { projectId, templateId: template.id } }, body }));
}

export function duplicateTemplate(api: Api, { projectId, template }: Where, to: Scope): Promise<Template> {
  return bodyOf(
    api.client.POST("/api/projects/{projectId}/templates/{templateId}/duplicate", {
      params: { path: { projectId, templateId: template.id } },
      body: { to },
    }),
  );
}

export function deleteTemplate(api: Api, { projectId, template }: Where): Promise<void> {
  return template.scope === "personal"
    ? doneOf(api.client.DELETE("/api/templates/{templateId}", { params: { path: { templateId: template.id } } }))
    : doneOf(api.client.DELETE("/api/projects/{projectId}/templates/{templateId}", { params: { path: { projectId, templateId: template.id } } }));
}

export async function listVersions(api: Api, { projectId, template }: Where) {
  return (
    await bodyOf(
      api.client.GET("/api/projects/{projectId}/templates/{templateId}/versions", { params: { path: { projectId, templateId: template.id } } }),
    )
  ).items;
}

export function diffVersions(api: Api, { projectId, template }: Where, from: number, to: number) {
  return bodyOf(
    api.client.GET("/api/projects/{projectId}/templates/{templateId}/diff", {
      params: { path: { projectId, templateId: template.id }, query: { from, to } },
    }),
  );
}

export function restoreVersion(api: Api, { projectId, template }: Where, version: number, basedOn: number): Promise<Template> {
  const body = { basedOn };
  return template.scope === "personal"
    ? bodyOf(api.client.POST("/api/templates/{templateId}/versions/{version}/restore", { params: { path: { templateId: template.id, version } }, body }))
    : bodyOf(
        api.client.POST("/api/projects/{projectId}/templates/{templateId}/versions/{version}/restore", {
          params: { path: { projectId, templateId: template.id, version } },
          body,
        }),
      );
}

/** The prompt an unsaved template makes with sample values (no provider is called). */
export async function previewDraft(
  api: Api,
  draft: { body: string; variables: TemplateVariableInput[] },
  values: Record<string, string>,
): Promise<string> {
  return (await bodyOf(api.client.POST("/api/templates/preview", { body: { ...draft, values } }))).prompt;
}

export function tryTemplate(api: Api, projectId: string, templateId: string, rows: Record<string, string>[], key: string): Promise<Job> {
  return bodyOf(
    api.client.POST("/api/projects/{projectId}/templates/{templateId}/try", {
      params: { path: { projectId, templateId }, header: { "Idempotency-Key": key } },
      body: { rows },
    }),
  );
}

export function getJob(api: Api, projectId: string, jobId: string): Promise<Job> {
  return bodyOf(api.client.GET("/api/projects/{projectId}/generations/{jobId}", { params: { path: { projectId, jobId } } }));
}

/** The text of a content item's current version. */
export async function contentText(api: Api, projectId: string, contentId: string): Promise<string> {
  const content = await bodyOf(
    api.client.GET("/api/projects/{projectId}/contents/{contentId}", { params: { path: { projectId, contentId } } }),
  );
  return content.current?.text ?? "";
}

export function exportTemplates(api: Api, projectId: string, templateId: string | null, scope: Scope): Promise<TemplateExport> {
  if (templateId) {
    return bodyOf(
      api.client.GET("/api/projects/{projectId}/templates/{templateId}/export", { params: { path: { projectId, templateId } } }),
    );
  }
  return scope === "project"
    ? bodyOf(api.client.GET("/api/projects/{projectId}/templates/export", { params: { path: { projectId } } }))
    : bodyOf(api.client.GET("/api/templates/export", {}));
}

export async function importTemplates(api: Api, projectId: string, scope: Scope, document: TemplateExport): Promise<Template[]> {
  const made =
    scope === "project"
      ? await bodyOf(api.client.POST("/api/projects/{projectId}/templates/import", { params: { path: { projectId } }, body: document }))
      : await bodyOf(api.client.POST("/api/templates/import", { body: document }));
  return made.items;
}
