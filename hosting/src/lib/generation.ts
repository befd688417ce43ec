// The generate panel's logic: provider options checked as the server checks them, model
// suggestions, the brand voice's banned words, and the requests that retry a job's failed items.

import type { BrandVoice, GenerationBody, Job, JobItem, Kind } from "./api-types";
import { variableLabel } from "./template-form";

/** The provider options the panel offers, as typed (empty means "let the provider choose"). */
export interface OptionFields {
  size?: string;
  quality?: string;
  aspectRatio?: string;
  negativePrompt?: string;
  duration?: string;
  mode?: string;
  maxTokens?: string;
  temperature?: string;
}

export const IMAGE_SIZES = ["1024x1024", "1024x1536", "1536x1024", "512x512"];
export const QUALITIES = ["auto", "low", "medium", "high", "standard", "hd"];
export const ASPECT_RATIOS = ["1:1", "16:9", "9:16", "4:3", "3:4"];

/** The options for a kind that were filled in, checked; errors are keyed by field name. */
export function buildOptions(kind: Kind, fields: OptionFields): { options: Record<string, string>; errors: Record<string, string> } {
  const options: Record<string, string> = {};
  const errors: Record<string, string> = {};
  const take = (name: keyof OptionFields) => (fields[name] ?? "").trim();
  if (kind === "text") {
    const maxTokens = take("maxTokens");
    if (maxTokens) {
      const n = Number(maxTokens);
      if (!Number.isInteger(n) || n < 1 || n > 8000) errors.maxTokens = "Enter a whole number from 1 to 8000.";
      else options.maxTokens = String(n);
    }
    const temperature = take("temperature");
    if (temperature) {
      if (!/^(0(\.\d+)?|1(\.\d+)?|2(\.0+)?)$/.test(temperature)) errors.temperature = "Enter a number from 0 to 2, such as 0.7.";
      else options.temperature = temperature;
    }
  }
  if (kind === "image") {
    const size = take("size").toLowerCase();
    if (size) {
      const match = /^(\d{2,4})x(\d{2,4})$/.exec(size);
      if (!match) errors.size = "Write the size as width x height, such as 1024x1024.";
      else if ([match[1], match[2]].some((side) => Number(side) < 64 || Number(side) > 2048))
        errors.size = "Each side must be from 64 to 2048 pixels.";
      else options.size = size;
    }
    const quality = take("quality");
    if (quality) {
      if (!QUALITIES.includes(quality)) errors.quality = `Pick one of: ${QUALITIES.join(", ")}.`;
      else options.quality = quality;
    }
    const negative = take("negativePrompt");
    if (negative) {
      if (negative.length > 1000) errors.negativePrompt = "Use at most 1000 characters.";
      else options.negativePrompt = negative;
    }
  }
  if (kind === "image" || kind === "video") {
    const ratio = take("aspectRatio");
    if (ratio) {
      if (!/^[1-9]\d?:[1-9]\d?$/.test(ratio)) errors.aspectRatio = "Write the shape as width:height, such as 16:9.";
      else options.aspectRatio = ratio;
    }
  }
  if (kind === "video") {
    const duration = take("duration");
    if (duration) {
      if (duration !== "5" && duration !== "10") errors.duration = "Choose 5 or 10 seconds.";
      else options.duration = duration;
    }
    const mode = take("mode");
    if (mode) {
      if (mode !== "std" && mode !== "pro") errors.mode = "Choose standard or pro.";
      else options.mode = mode;
    }
  }
  return { options, errors };
}

/** Models to suggest for a kind; the server says which are configured when one is not. */
export function suggestedModels(kind: Kind, demo: boolean): string[] {
  if (demo) return kind === "text" ? ["demo-text"] : kind === "image" ? ["demo-image"] : [];
  switch (kind) {
    case "text":
      return ["gpt-4o-mini", "gpt-4o", "gpt-4.1-mini", "gpt-4.1"];
    case "image":
      return ["gpt-image-1", "dall-e-3", "midjourney", "Qubico/flux1-schnell", "Qubico/flux1-dev"];
    case "video":
      return ["kling"];
  }
}

/**
 * Reads the models a 422 about `model` lists ("...; known: {openai=[gpt-4o-mini, gpt-4o], demo=[demo-text]}"),
 * so the panel can offer exactly those next time.
 */
export function modelsFromProblem(message: string): string[] {
  const known = /known:\s*\{(.*)\}/.exec(message);
  if (!known) return [];
  const models: string[] = [];
  for (const group of known[1].matchAll(/=\[([^\]]*)\]/g)) {
    for (const name of group[1].split(",")) if (name.trim()) models.push(name.trim());
  }
  return [...new Set(models)];
}

/** Words never to use, typed one per line or comma-separated: trimmed, without repeats. */
export function parseBannedWords(text: string): { words: string[]; error: string } {
  const words: string[] = [];
  for (const raw of text.split(/[,\n]/)) {
    const word = raw.trim();
    if (word && !words.some((known) => known.toLowerCase() === word.toLowerCase())) words.push(word);
  }
  const long = words.find((word) => word.length > 50);
  if (long) return { words, error: `“${long.slice(0, 20)}…” is longer than 50 characters.` };
  if (words.length > 100) return { words, error: `List at most 100 words (now ${words.length}).` };
  return { words, error: "" };
}

/** Whether a brand voice says anything at all. */
export function hasBrandVoice(voice: BrandVoice | null | undefined): voice is BrandVoice {
  return Boolean(
    voice &&
      (voice.systemPrompt?.trim() ||
        voice.tone?.trim() ||
        (voice.bannedWords?.length ?? 0) > 0 ||
        (voice.requiredTerms?.length ?? 0) > 0 ||
        voice.minWords != null ||
        voice.maxWords != null ||
        voice.maxReadingGrade != null ||
        voice.imageStyle != null),
  );
}

/** One line saying what the project's brand voice asks for. */
export function brandVoiceSummary(voice: BrandVoice | null | undefined): string {
  if (!hasBrandVoice(voice)) return "No brand voice: texts follow the prompt alone.";
  const parts: string[] = [];
  if (voice.tone?.trim()) parts.push(`a ${voice.tone.trim()} tone`);
  if (voice.systemPrompt?.trim()) parts.push("house instructions");
  const banned = voice.bannedWords?.length ?? 0;
  if (banned > 0) parts.push(`${banned} banned ${banned === 1 ? "word" : "words"}`);
  const required = voice.requiredTerms?.length ?? 0;
  if (required > 0) parts.push(`${required} required ${required === 1 ? "term" : "terms"}`);
  if (voice.minWords != null && voice.maxWords != null) parts.push(`${voice.minWords}–${voice.maxWords} words`);
  else if (voice.minWords != null) parts.push(`at least ${voice.minWords} words`);
  else if (voice.maxWords != null) parts.push(`at most ${voice.maxWords} words`);
  if (voice.maxReadingGrade != null) parts.push(`reading grade ${voice.maxReadingGrade} or below`);
  if (voice.imageStyle) parts.push("an image style");
  return `Texts use ${parts.join(", ")}.`;
}

/**
 * New generations that try a job's failed items again: one per distinct prompt (a batch's items
 * each have their own), with as many items as failed with it, and the job's provider, model and
 * options. Each needs a new Idempotency-Key: it is a new request, not a repeat of the old one.
 */
export function retryRequests(job: Job): GenerationBody[] {
  const counts = new Map<string, number>();
  for (const item of job.items) {
    if (item.status !== "failed") continue;
    const prompt = item.prompt ?? job.prompt;
    if (!prompt) continue;
    counts.set(prompt, (counts.get(prompt) ?? 0) + 1);
  }
  return [...counts].map(([prompt, count]) => {
    const body: GenerationBody = { kind: job.kind, prompt, count };
    if (job.model && !job.demo) body.model = job.model;
    if (job.provider && !job.demo) body.provider = job.provider;
    if (job.options && Object.keys(job.options).length > 0) body.options = { ...job.options };
    if (job.contentId) {
      body.contentId = job.contentId;
      body.count = 1;
    }
    return body;
  });
}

const FIELD_NAMES: Record<string, string> = {
  kind: "The kind",
  count: "The number",
  prompt: "The prompt",
  templateId: "The template",
  model: "The model",
  size: "The size",
  quality: "The quality",
  aspectRatio: "The shape",
  negativePrompt: "What to leave out",
  duration: "The length",
  mode: "The mode",
  maxTokens: "The longest answer",
  temperature: "The temperature",
};

const FOLLOWS_NAME = /^(must|is|are|was|were|has|have|may|can|cannot|needs?|should|does|do)\b/i;

/** The form's name for a field the server names: "options.size" is "size", "variables.tone" is "variable:tone". */
export function formField(serverField: string): string {
  return serverField.replace(/^options\./, "").replace(/^variables\./, "variable:");
}

/**
 * A sentence from the server's message about a field. Most are fragments meant to follow the
 * field's name ("must be from 1 to 100": "The number must be from 1 to 100."); others stand alone.
 */
export function describeFieldProblem(field: string, message: string): string {
  const name = field.startsWith("variable:") ? variableLabel(field.slice("variable:".length)) : (FIELD_NAMES[field] ?? field);
  const fragment = message.trim();
  // "must be ..." needs the field's name before it; "no provider for video is configured" stands alone.
  const text = FOLLOWS_NAME.test(fragment) ? `${name} ${fragment}` : fragment || `${name} isn't right`;
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** Why an item failed, in words: the server's reason when it gave one, and how often it was tried. */
export function failureWords(item: Pick<JobItem, "failureReason" | "attempts">): string {
  const reason = item.failureReason?.trim().replace(/[.!]+$/, "");
  const tries = item.attempts && item.attempts > 1 ? ` (tried ${item.attempts} times)` : "";
  return reason ? `${reason}${tries}.` : `It couldn't be made, and the provider gave no reason${tries}.`;
}
