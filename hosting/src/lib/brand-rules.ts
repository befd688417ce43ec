// The brand rules of a project's voice as the editor shows them, and the findings the API keeps on
// a text version: which passages to mark, and what each rule is called.

import { parseBannedWords } from "./generation";
import { segments, type Segment } from "./anchors";
import type { BrandVoice, Finding, ImageStyle } from "./api-types";

/** The rule fields of the brand voice form, as typed. */
export interface RulesForm {
  requiredTerms: string;
  minWords: string;
  maxWords: string;
  maxReadingGrade: string;
}

export type RuleErrors = Partial<Record<keyof RulesForm, string>>;

/** The rules as the API takes them (a bound left empty is null), or what is wrong field by field. */
export function parseRules(form: RulesForm): {
  rules: { requiredTerms: string[]; minWords: number | null; maxWords: number | null; maxReadingGrade: number | null };
  errors: RuleErrors;
} {
  const errors: RuleErrors = {};
  const terms = parseBannedWords(form.requiredTerms);
  if (terms.error) errors.requiredTerms = terms.error;
  const minWords = wholeNumber(form.minWords, "minWords", errors);
  const maxWords = wholeNumber(form.maxWords, "maxWords", errors);
  if (minWords !== null && maxWords !== null && minWords > maxWords) errors.minWords = "The least can’t be above the most.";
  let maxReadingGrade: number | null = null;
  if (form.maxReadingGrade.trim()) {
    const grade = Number(form.maxReadingGrade.trim());
    if (!Number.isFinite(grade) || grade < 1 || grade > 20) errors.maxReadingGrade = "A grade from 1 to 20.";
    else maxReadingGrade = grade;
  }
  return { rules: { requiredTerms: terms.words, minWords, maxWords, maxReadingGrade }, errors };
}

function wholeNumber(text: string, field: "minWords" | "maxWords", errors: RuleErrors): number | null {
  if (!text.trim()) return null;
  const n = Number(text.trim());
  if (!Number.isInteger(n) || n < 1 || n > 100000) {
    errors[field] = "A whole number of words from 1 to 100000.";
    return null;
  }
  return n;
}

/** The form's fields for a voice (empty where a rule is not set). */
export function rulesFormOf(voice: BrandVoice | null | undefined): RulesForm {
  return {
    requiredTerms: (voice?.requiredTerms ?? []).join(", "),
    minWords: voice?.minWords != null ? String(voice.minWords) : "",
    maxWords: voice?.maxWords != null ? String(voice.maxWords) : "",
    maxReadingGrade: voice?.maxReadingGrade != null ? String(voice.maxReadingGrade) : "",
  };
}

/** Whether a voice has any rule that texts are checked against. */
export function hasRules(voice: BrandVoice | null | undefined): boolean {
  return Boolean(
    voice &&
      ((voice.bannedWords?.length ?? 0) > 0 ||
        (voice.requiredTerms?.length ?? 0) > 0 ||
        voice.minWords != null ||
        voice.maxWords != null ||
        voice.maxReadingGrade != null),
  );
}

const LABELS: Record<Finding["rule"], string> = {
  "banned-term": "Banned term",
  "required-term": "Missing term",
  "min-words": "Too short",
  "max-words": "Too long",
  "reading-grade": "Hard to read",
};

/** What a finding's rule is called on screen. */
export function ruleLabel(rule: Finding["rule"]): string {
  return LABELS[rule] ?? rule;
}

/**
 * The text cut into stretches, each marked with the findings (by their index, as a string) whose
 * passage covers it; findings without a passage mark nothing.
 */
export function findingSegments(text: string, findings: Finding[]): Segment[] {
  const marks = findings.flatMap((f, i) =>
    f.start != null && f.end != null ? [{ id: String(i), start: f.start, end: f.end }] : [],
  );
  return segments(text, marks);
}

/** "2 flagged" for a job or run with findings; empty when none. */
export function flaggedLabel(flagged: number | null | undefined): string {
  return flagged ? `${flagged} flagged` : "";
}

/** The image style fields of the brand voice form, as typed. */
export interface StyleForm {
  stylePrompt: string;
  aspectRatio: string;
  negativePrompt: string;
}

/** The form's fields for a voice's image style (empty where unset). */
export function styleFormOf(voice: BrandVoice | null | undefined): StyleForm {
  const style = voice?.imageStyle;
  return { stylePrompt: style?.stylePrompt ?? "", aspectRatio: style?.aspectRatio ?? "", negativePrompt: style?.negativePrompt ?? "" };
}

/** The preset as the API takes it (null when every field is empty), or what is wrong field by field. */
export function parseStyle(form: StyleForm): { imageStyle: ImageStyle | null; errors: Partial<Record<keyof StyleForm, string>> } {
  const errors: Partial<Record<keyof StyleForm, string>> = {};
  const stylePrompt = form.stylePrompt.trim();
  const aspectRatio = form.aspectRatio.trim();
  const negativePrompt = form.negativePrompt.trim();
  if (stylePrompt.length > 500) errors.stylePrompt = "At most 500 characters.";
  if (aspectRatio && !/^[1-9][0-9]?:[1-9][0-9]?$/.test(aspectRatio)) errors.aspectRatio = "Two whole numbers such as 16:9.";
  if (negativePrompt.length > 1000) errors.negativePrompt = "At most 1000 characters.";
  const empty = !stylePrompt && !aspectRatio && !negativePrompt;
  return {
    imageStyle: empty ? null : { stylePrompt: stylePrompt || null, aspectRatio: aspectRatio || null, negativePrompt: negativePrompt || null },
    errors,
  };
}

/**
 * The samples pasted for a draft: separated by a line of three or more dashes, or by two blank
 * lines; empty ones left out. An error when there are none, more than 10, one over 5000
 * characters or more than 15000 in all.
 */
export function parseSamples(text: string): { samples: string[]; error: string } {
  const samples = text
    .split(/\n\s*-{3,}\s*\n|\n\s*\n\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (samples.length === 0) return { samples, error: "Paste at least one sample text." };
  if (samples.length > 10) return { samples, error: `Paste at most 10 samples (now ${samples.length}).` };
  if (samples.some((s) => s.length > 5000)) return { samples, error: "Each sample may have at most 5000 characters." };
  if (samples.reduce((n, s) => n + s.length, 0) > 15000) return { samples, error: "The samples may have at most 15000 characters in all." };
  return { samples, error: "" };
}
