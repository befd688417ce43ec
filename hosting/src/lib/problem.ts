// Turns an application/problem+json answer into words for the person using the app.

import type { Problem } from "./api-types";

/** One field at fault, as a problem's `errors` names it. */
export type FieldProblem = NonNullable<Problem["errors"]>[number];

/** A failed API call, with a message written for the person using the app. */
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

export const OFFLINE_MESSAGE = "Can't reach the server. Check your connection and try again.";

/** Builds the error from a status, the parsed body (if any) and the Retry-After header. */
export function problemToError(status: number, body: unknown, retryAfter: string | null): ApiError {
  // Read field by field: an error answer may be a problem as the API describes it, or anything.
  const problem = typeof body === "object" && body !== null ? body : {};
  const detail = "detail" in problem && typeof problem.detail === "string" ? problem.detail.trim() : "";
  const fieldProblems = "errors" in problem && Array.isArray(problem.errors) ? problem.errors.filter(isFieldProblem) : [];
  let message = detail || fallbackMessage(status, retryAfter);
  // When the server says when to come back, say so even if its detail doesn't.
  const wait = retryAfterSeconds(retryAfter);
  if (detail && (status === 429 || status === 503) && wait > 0 && !/\d/.test(detail)) {
    message = `${detail} Try again in ${describeSeconds(wait)}.`;
  }
  return new ApiError(message, status, fieldProblems);
}

export async function responseToError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  if (/^application\/(problem\+)?json/i.test(response.headers.get("Content-Type") ?? "")) {
    body = await response.json().catch(() => null);
  }
  return problemToError(response.status, body, response.headers.get("Retry-After"));
}

/** The message of any error the app may meet, for showing on screen. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return "Something went wrong. Please try again.";
}

function isFieldProblem(value: unknown): value is FieldProblem {
  return (
    typeof value === "object" &&
    value !== null &&
    "field" in value &&
    typeof value.field === "string" &&
    "message" in value &&
    typeof value.message === "string"
  );
}

function retryAfterSeconds(header: string | null): number {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 0;
}

function describeSeconds(seconds: number): string {
  if (seconds < 90) return `${seconds} ${seconds === 1 ? "second" : "seconds"}`;
  const minutes = Math.round(seconds / 60);
  return `${minutes} minutes`;
}

/** Words for an error answer that came without a `detail`. */
function fallbackMessage(status: number, retryAfter: string | null): string {
  const wait = retryAfterSeconds(retryAfter);
  switch (status) {
    case 400:
    case 422:
      return "Some of what you entered isn't valid.";
    case 401:
      return "Your sign-in has expired. Sign out and sign in again.";
    case 403:
    case 404:
      return "That isn't there, or you don't have access to it.";
    case 409:
      return "That can't be done right now: it changed in the meantime. Reload and try again.";
    case 412:
      return "Someone changed this at the same time. Reload the page and try again.";
    case 413:
      return "That is too large to send.";
    case 415:
      return "The app sent something the server can't read. Reload the page and try again.";
    case 429:
      return wait > 0
        ? `Too many requests. Try again in ${describeSeconds(wait)}.`
        : "Too many requests. Wait a moment and try again.";
    case 503:
      return wait > 0
        ? `The service is busy right now. Try again in ${describeSeconds(wait)}.`
        : "The service is busy right now. Try again in a minute.";
  }
  return status >= 500
    ? "Something went wrong on the server. Try again in a moment."
    : `The request failed (error ${status}).`;
}
