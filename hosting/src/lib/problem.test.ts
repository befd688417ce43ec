import { describe, expect, it } from "vitest";
import { ApiError, messageOf, problemToError, responseToError } from "./problem";

describe("problemToError", () => {
  it("uses the server's detail when there is one", () => {
    const error = problemToError(404, { type: "/problems/not-found", detail: "No such project." }, null);
    expect(error.message).toBe("No such project.");
    expect(error.status).toBe(404);
  });

  it("keeps the field problems and drops malformed ones", () => {
    const error = problemToError(
      400,
      { detail: "Check the name.", errors: [{ field: "name", message: "must not be blank" }, { field: 3 }, null] },
      null,
    );
    expect(error.fieldProblems).toEqual([{ field: "name", message: "must not be blank" }]);
  });

  it("says when to come back on a 429 without a detail", () => {
    expect(problemToError(429, null, "30").message).toBe("Too many requests. Try again in 30 seconds.");
  });

  it("adds the wait to a 503 detail that gives none", () => {
    expect(problemToError(503, { detail: "The image provider keeps failing." }, "120").message).toBe(
      "The image provider keeps failing. Try again in 2 minutes.",
    );
  });

  it("doesn't reveal whether someone else's resource exists", () => {
    expect(problemToError(403, {}, null).message).toBe(problemToError(404, {}, null).message);
  });

  it("calls an unexplained 500 a server problem", () => {
    expect(problemToError(500, "not json", null).message).toBe(
      "Something went wrong on the server. Try again in a moment.",
    );
  });
});

describe("responseToError", () => {
  it("reads problem+json bodies", async () => {
    const response = new Response(JSON.stringify({ status: 409, detail: "The job has already ended." }), {
      status: 409,
      headers: { "Content-Type": "application/problem+json" },
    });
    const error = await responseToError(response);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe("The job has already ended.");
  });

  it("falls back to plain words when the body isn't JSON", async () => {
    const response = new Response("<html>Bad gateway</html>", { status: 502, headers: { "Content-Type": "text/html" } });
    expect((await responseToError(response)).message).toBe("Something went wrong on the server. Try again in a moment.");
  });
});

describe("messageOf", () => {
  it("never shows a raw exception to the person", () => {
    expect(messageOf(new TypeError("undefined is not a function"))).toBe("Something went wrong. Please try again.");
  });
});
