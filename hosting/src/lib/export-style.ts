// The export style form: its choices and the checks made before saving. The server checks the same.

import type { ExportStyle } from "./api-types";

export const FONT_CHOICES = [
  { value: "sans", label: "Sans serif (Arial, Helvetica)" },
  { value: "serif", label: "Serif (Georgia, Times)" },
  { value: "mono", label: "Monospace (Courier)" },
] as const;

export type FontChoice = (typeof FONT_CHOICES)[number]["value"];

export const DEFAULT_STYLE: ExportStyle = { headingFont: "sans", bodyFont: "serif", accentColor: "#2b6cb0", logoContentId: null, footer: "" };

export function isFont(value: string): value is FontChoice {
  return FONT_CHOICES.some((choice) => choice.value === value);
}

/** What is wrong with a style before it is sent, field by field; empty when nothing is. */
export function styleProblems(style: ExportStyle): Partial<Record<keyof ExportStyle, string>> {
  const problems: Partial<Record<keyof ExportStyle, string>> = {};
  if (!/^#[0-9a-fA-F]{6}$/.test(style.accentColor ?? "")) problems.accentColor = "A colour as #rrggbb, such as #2b6cb0.";
  const footer = style.footer ?? "";
  if ([...footer].length > 200) problems.footer = "At most 200 characters.";
  if (/[\r\n\t]/.test(footer)) problems.footer = "One line.";
  return problems;
}
