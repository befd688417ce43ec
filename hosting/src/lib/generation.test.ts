import { describe, expect, it } from "vitest";
import { brandVoiceSummary, buildOptions, describeFieldProblem, failureWords, formField, hasBrandVoice, modelsFromProblem, parseBannedWords, retryRequests } from "./generation";
import type { Job } from "./api-types";

describe("buildOptions", () => {
  it("keeps only the options of the kind, filled in and valid", () => {
    expect(buildOptions("image", { size: " 1024X1536 ", quality: "hd", maxTokens: "100", duration: "5" })).toEqual({
      options: { size: "1024x1536", quality: "hd" },
      errors: {},
    });
    expect(buildOptions("text", { maxTokens: "400", temperature: "0.7", size: "1x1" })).toEqual({
      options: { maxTokens: "400", temperature: "0.7" },
      errors: {},
    });
  });

  it("explains values the server would refuse", () => {
    expect(buildOptions("image", { size: "4096x100", aspectRatio: "wide" }).errors).toEqual({
      size: "Each side must be from 64 to 2048 pixels.",
      aspectRatio: "Write the shape as width:height, such as 16:9.",
    });
    expect(buildOptions("image", { aspectRatio: "0:9" }).errors).toEqual({ aspectRatio: "Write the shape as width:height, such as 16:9." });
    expect(buildOptions("text", { maxTokens: "1.5", temperature: "3" }).errors).toEqual({
      maxTokens: "Enter a whole number from 1 to 8000.",
      temperature: "Enter a number from 0 to 2, such as 0.7.",
    });
    expect(buildOptions("video", { duration: "7", mode: "max" }).errors).toEqual({
      duration: "Choose 5 or 10 seconds.",
      mode: "Choose standard or pro.",
    });
  });
});

describe("modelsFromProblem", () => {
  it("reads the configured models out of the server's answer", () => {
    expect(modelsFromProblem("no configured provider offers gpt-9 for text; known: {openai=[gpt-4o-mini, gpt-4o], demo=[demo-text]}")).toEqual([
      "gpt-4o-mini",
      "gpt-4o",
      "demo-text",
    ]);
    expect(modelsFromProblem("must be 1 to 100 characters")).toEqual([]);
  });
});

describe("parseBannedWords", () => {
  it("splits on commas and lines, trims and drops repeats", () => {
    expect(parseBannedWords("cheap, Cheap\n  synergy ,,\n")).toEqual({ words: ["cheap", "synergy"], error: "" });
  });

  it("refuses words longer than the server allows", () => {
    expect(parseBannedWords("x".repeat(51)).error).toMatch(/longer than 50 characters/);
  });
});

describe("hasBrandVoice", () => {
  it("is false for an empty voice", () => {
    expect(hasBrandVoice(null)).toBe(false);
    expect(hasBrandVoice({ systemPrompt: " ", bannedWords: [] })).toBe(false);
    expect(hasBrandVoice({ tone: "warm" })).toBe(true);
    expect(hasBrandVoice({ maxWords: 200 })).toBe(true);
    expect(hasBrandVoice({ requiredTerms: ["Acme"] })).toBe(true);
  });
});

describe("brandVoiceSummary", () => {
  it("names the rules too", () => {
    expect(brandVoiceSummary({ requiredTerms: ["Acme"], minWords: 50, maxWords: 200, maxReadingGrade: 8 })).toBe(
      "Texts use 1 required term, 50–200 words, reading grade 8 or below.",
    );
    expect(brandVoiceSummary({ maxWords: 200 })).toBe("Texts use at most 200 words.");
  });

  it("says in one line what the voice asks for", () => {
    expect(brandVoiceSummary({ tone: " warm ", systemPrompt: "Be kind", bannedWords: ["cheap"] })).toBe(
      "Texts use a warm tone, house instructions, 1 banned word.",
    );
    expect(brandVoiceSummary(undefined)).toBe("No brand voice: texts follow the prompt alone.");
  });
});

describe("retryRequests", () => {
  const job: Job = {
    id: "j",
    projectId: "p",
    kind: "image",
    demo: false,
    status: "completed",
    itemCount: 4,
    completed: 1,
    failed: 3,
    cancelled: 0,
    prompt: "A lighthouse",
    provider: "openai",
    model: "gpt-image-1",
    options: { size: "1024x1024" },
    fresh: false,
    requestedBy: "u1",
    createdAt: "2026-11-26T09:00:00Z",
    updatedAt: "2026-11-26T09:01:30Z",
    maxConcurrent: 0,
    budgetMicros: 0,
    costMicros: 40_000,
    items: [
      { index: 0, status: "completed", contentId: "c", cached: false, attempts: 1 },
      { index: 1, status: "failed", failureReason: "refused", cached: false, attempts: 1 },
      { index: 2, status: "failed", cached: false, attempts: 1 },
      { index: 3, status: "failed", prompt: "A harbour", cached: false, attempts: 1 },
    ],
  };

  it("asks again for each failed item, grouped by prompt, with the same model and options", () => {
    expect(retryRequests(job)).toEqual([
      { kind: "image", prompt: "A lighthouse", count: 2, provider: "openai", model: "gpt-image-1", options: { size: "1024x1024" } },
      { kind: "image", prompt: "A harbour", count: 1, provider: "openai", model: "gpt-image-1", options: { size: "1024x1024" } },
    ]);
  });

  it("asks nothing when no item failed", () => {
    expect(retryRequests({ ...job, items: job.items.map((item) => ({ ...item, status: "completed" as const })) })).toEqual([]);
  });

  it("adds a version to the same item when a regeneration failed", () => {
    const regeneration = { ...job, contentId: "c9", itemCount: 1, items: [{ index: 0, status: "failed" as const, cached: false, attempts: 1 }] };
    expect(retryRequests(regeneration)[0]).toMatchObject({ contentId: "c9", count: 1 });
  });

  it("leaves the demo's model out so the server picks what is configured now", () => {
    expect(retryRequests({ ...job, demo: true, provider: "demo", model: "demo-image" })[0]).not.toHaveProperty("model");
  });
});

describe("describeFieldProblem", () => {
  it("makes a sentence of the field's name and the server's fragment", () => {
    expect(describeFieldProblem(formField("count"), "must be from 1 to 100")).toBe("The number must be from 1 to 100.");
    expect(describeFieldProblem(formField("options.size"), "each side must be from 64 to 2048 pixels")).toBe(
      "Each side must be from 64 to 2048 pixels.",
    );
    expect(describeFieldProblem("kind", "no provider for video is configured; video needs GOAPI_API_KEY")).toBe(
      "No provider for video is configured; video needs GOAPI_API_KEY.",
    );
    expect(describeFieldProblem(formField("variables.productName"), "is required")).toBe("Product name is required.");
    expect(describeFieldProblem("Idempotency-Key", "must be 1 to 255 visible ASCII characters.")).toBe(
      "Idempotency-Key must be 1 to 255 visible ASCII characters.",
    );
  });
});

describe("failureWords", () => {
  it("gives the server's reason and how often the item was tried", () => {
    expect(failureWords({ failureReason: "The provider refused the prompt.", attempts: 1 })).toBe("The provider refused the prompt.");
    expect(failureWords({ failureReason: "The provider kept timing out", attempts: 8 })).toBe("The provider kept timing out (tried 8 times).");
  });

  it("says plainly when no reason came", () => {
    expect(failureWords({ attempts: 1 })).toBe("It couldn't be made, and the provider gave no reason.");
  });
});
