// Calls to the Content Creator HTTP API (/api/**), authorised with the signed-in user's ID token.

export interface Project {
  id: string;
  name: string;
  description?: string | null;
  role: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** A failed API call, with a message written for the person using the page. */
export class ApiError extends Error {
  readonly status: number;
  readonly fieldProblems: FieldProblem[];

  constructor(message: string, status: number, fieldProblems: FieldProblem[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.fieldProblems = fieldProblems;
  }
}

/** Gives the current user's ID token; `refresh` asks for a new one instead of the cached one. */
export type TokenSource = (refresh: boolean) => Promise<string>;

const PAGE_SIZE = 20;

export class Api {
  private readonly token: TokenSource;

  constructor(token: TokenSource) {
    this.token = token;
  }

  listProjects(cursor: string | null): Promise<Page<Project>> {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (cursor) query.set("cursor", cursor);
    return this.request(`/api/projects?${query}`);
  }

  createProject(name: string, description: string): Promise<Project> {
    return this.request("/api/projects", {
      method: "POST",
      body: JSON.stringify({ name, description }),
    });
  }

  private async request<T>(path: string, init: RequestInit = {}): Promise<T> {
    let response = await this.send(path, init, false);
    // A 401 means the server turned the token away before doing anything, so one retry
    // with a freshly minted token is safe even for a POST.
    if (response.status === 401) response = await this.send(path, init, true);
    if (!response.ok) throw await toApiError(response);
    return (await response.json()) as T;
  }

  private async send(path: string, init: RequestInit, refresh: boolean): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("Accept", "application/json, application/problem+json");
    headers.set("Authorization", `Bearer ${await this.token(refresh)}`);
    if (init.body !== undefined) headers.set("Content-Type", "application/json");
    try {
      return await fetch(path, { ...init, headers });
    } catch {
      throw new ApiError("Can't reach the server. Check your connection and try again.", 0);
    }
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  let problem: { detail?: unknown; errors?: unknown } = {};
  if (/^application\/(problem\+)?json/i.test(response.headers.get("Content-Type") ?? "")) {
    problem = await response.json().catch(() => ({}));
  }
  const detail = typeof problem.detail === "string" ? problem.detail.trim() : "";
  const fieldProblems = Array.isArray(problem.errors) ? problem.errors.filter(isFieldProblem) : [];
  return new ApiError(detail || fallbackMessage(response), response.status, fieldProblems);
}

function isFieldProblem(value: unknown): value is FieldProblem {
  const candidate = value as Partial<FieldProblem> | null;
  return typeof candidate?.field === "string" && typeof candidate.message === "string";
}

/** Words for an error response that came without a `detail`. */
function fallbackMessage(response: Response): string {
  switch (response.status) {
    case 400:
    case 422:
      return "Some of what you entered isn't valid.";
    case 401:
      return "Your sign-in has expired. Sign out and sign in again.";
    case 403:
    case 404:
      return "That isn't there, or you don't have access to it.";
    case 409:
    case 412:
      return "Someone changed this at the same time. Reload the page and try again.";
    case 413:
      return "That is too large to send.";
    case 429: {
      const seconds = Number(response.headers.get("Retry-After"));
      return seconds > 0
        ? `Too many requests. Try again in ${seconds} seconds.`
        : "Too many requests. Wait a moment and try again.";
    }
    case 503:
      return "The service is busy right now. Try again in a minute.";
  }
  return response.status >= 500
    ? "Something went wrong on the server. Try again in a moment."
    : `The request failed (error ${response.status}).`;
}
