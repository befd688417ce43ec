// The names the app uses for the API's shapes. Every one is taken from the types generated from
// docs/openapi.yaml (api-schema.d.ts, `npm run api-types -w hosting`), so a change to the API
// description shows up here, and wherever a screen relies on it, as a type error.

import type { components, operations } from "./api-schema";

type Schemas = components["schemas"];

/** The JSON body of an operation's 200 answer. */
type Answer<Op extends keyof operations> =
  operations[Op]["responses"] extends { 200: { content: { "application/json": infer Body } } } ? Body : never;

/** The JSON body an operation takes. */
type RequestBody<Op extends keyof operations> =
  NonNullable<operations[Op]["requestBody"]> extends { content: { "application/json": infer Body } } ? Body : never;

export type Health = Schemas["Health"];
/** An error answer (application/problem+json). */
export type Problem = Schemas["Problem"];
export type Role = Schemas["Role"];

/** The signed-in person, with this month's usage and the monthly limits (GET /api/me). */
export type Me = Answer<"getMe">;
export type Usage = Schemas["Usage"];
export type Limits = Schemas["Limits"];

export type Project = Schemas["Project"];
/** A project's budget and this month's spent, held and remaining lines (GET|PUT .../budget). */
export type Budget = Schemas["Budget"];
export type BudgetLine = Schemas["BudgetLine"];
export type BudgetWarning = Schemas["BudgetWarning"];
export type BudgetChange = RequestBody<"setBudget">;
/** What a generation or a batch run would hold and leave of the budgets (POST .../forecast). */
export type Forecast = Schemas["Forecast"];
export type ForecastBody = RequestBody<"forecastCost">;
/** A project as GET /api/projects/{id} gives it: with what it has used this month. */
export type ProjectWithUsage = Answer<"getProject">;
export type BrandVoice = Schemas["BrandVoice"];
/** A file built in the background, offered through a signed link once ready. */
export type BackgroundExport = Schemas["BackgroundExport"];
/** What to build in the background (POST /api/projects/{id}/exports). */
export type ExportRequest = RequestBody<"startExport">;
/** How a project's exported documents look (GET|PUT /api/projects/{id}/export-style). */
export type ExportStyle = Schemas["ExportStyle"];
/** One of a project's brand kits (GET|POST .../brandkits). */
export type BrandKit = Schemas["BrandKit"];
export type BrandKitChange = RequestBody<"updateBrandKit">;
export type NewBrandKit = RequestBody<"createBrandKit">;
/** A brand voice as PATCH /api/projects/{id} takes it: no field may be null there. */
export type BrandVoiceChange = NonNullable<RequestBody<"updateProject">["brandVoice"]>;

export type Member = Schemas["Member"];
export type Invitation = Schemas["Invitation"];
/** An invitation just sent or resent: with the accept link, shown this once. */
export type IssuedInvitation = Schemas["IssuedInvitation"];

export type Content = Schemas["Content"];
export type Kind = Content["kind"];
export type ContentVersion = Schemas["ContentVersion"];
/** What PATCH .../contents/{id} changes: the title, the text (a new version), or a version restored. */
export type ContentChange = RequestBody<"updateContent">;

export type Template = Schemas["Template"];
export type TemplateVariable = Schemas["TemplateVariable"];
export type TemplateVariableInput = Schemas["TemplateVariableInput"];
export type TemplateDraft = Schemas["TemplateDraft"];
export type TemplateVersion = Schemas["TemplateVersion"];
export type TemplateDiff = Schemas["TemplateDiff"];
export type TemplateExport = Schemas["TemplateExport"];

/** A generation as the API takes it (POST .../generations). */
export type GenerationBody = RequestBody<"createGeneration">;
export type Job = Schemas["Job"];
export type JobItem = Schemas["JobItem"];
export type ItemStatus = JobItem["status"];

/** One event of a job's live stream, already parsed: `job` and `end` carry the whole job. */
export type JobEvent =
  | { type: "job" | "end"; job: Job }
  | Schemas["JobDeltaEvent"]
  | Schemas["JobResetEvent"]
  | Schemas["JobItemEvent"]
  | Schemas["JobProgressEvent"];

export type Batch = Schemas["Batch"];
export type BatchRow = Batch["rows"][number];
export type BatchRun = Schemas["BatchRun"];
export type RunStatus = BatchRun["status"];
export type BatchSpec = RequestBody<"createBatch">;
export type BatchChange = RequestBody<"updateBatch">;

/** A resource with the entity tag to send back in If-Match. */
export interface Tagged<T> {
  value: T;
  etag: string;
}

/** Where a content item stands in review, and one change of it (its review history). */
export type ReviewStatus = Schemas["ReviewStatus"];
export type Review = Schemas["Review"];
/** One record of a project's activity log, and what it records. */
export type Activity = Schemas["Activity"];
export type ActivityAction = Schemas["ActivityAction"];
export type Anchor = Schemas["Anchor"];
export type Comment = Schemas["Comment"];
/** A thread: its first comment's fields and its replies. */
export type Thread = Schemas["Thread"];
/** What POST .../comments takes. */
export type NewComment = RequestBody<"postComment">;
export type Notification = Schemas["Notification"];
export type UnreadCount = Schemas["UnreadCount"];
export type OutboxMessage = Schemas["OutboxMessage"];
export type User = Schemas["User"];

/** A share link as members see it, and as made (with its token, shown once). */
export type Share = Schemas["Share"];
export type IssuedShare = Schemas["IssuedShare"];
export type SharePermission = Schemas["SharePermission"];
/** What a share link shows its holder. */
export type SharedPage = Schemas["SharedPage"];
export type SharedItem = SharedPage["items"][number];
export type NewShare = RequestBody<"createShare">;

/** An outbound webhook as its owners see it, as made or rotated (with its secret, shown once), and its messages. */
export type KnowledgeDocument = Schemas["KnowledgeDocument"];
export type KnowledgeSource = Schemas["KnowledgeSource"];
export type Hook = Schemas["Hook"];
export type IssuedHook = Schemas["IssuedHook"];
export type HookDelivery = Schemas["HookDelivery"];
export type HookEventType = Schemas["HookEventType"];
export type NewHook = RequestBody<"createHook">;
export type HookChange = RequestBody<"updateHook">;
/** An API key as its person sees it (never its secret), and as made (with the whole key, shown once). */
export type ApiKey = Schemas["ApiKey"];
export type IssuedApiKey = Schemas["IssuedApiKey"];
export type NewApiKey = RequestBody<"createApiKey">;
export type ProviderKey = Schemas["ProviderKey"];
export type Finding = Schemas["Finding"];
export type ImageStyle = Schemas["ImageStyle"];
export type Connection = Schemas["Connection"];
export type IssuedConnection = Schemas["IssuedConnection"];
export type NewConnection = RequestBody<"createConnection">;
export type Publication = Schemas["Publication"];
export type NewPublication = RequestBody<"publishContent">;

/** A person's calendar over a window (GET /api/calendar), and one thing on it. */
export type Calendar = Schemas["Calendar"];
export type CalendarEntry = Schemas["CalendarEntry"];
/** Whether the person has a private iCalendar feed; a feed just made carries its address once. */
export type CalendarFeed = Schemas["CalendarFeed"];
export type IssuedCalendarFeed = Schemas["IssuedCalendarFeed"];
