// The template editor's state, apart from the screen: a variables table of plain strings (what the
// inputs hold), turned into the API's variables and back, the placeholders a body uses, and the
// sample values a preview starts from.

import type { Template, TemplateDraft, TemplateVariableInput } from "./api-types";

export type VariableType = TemplateVariableInput["type"];

/** One row of the variables table, as typed. */
export interface VariableRow {
  name: string;
  label: string;
  type: Exclude<VariableType, "string">;
  required: boolean;
  initial: string;
  maxLength: string;
  min: string;
  max: string;
  /** A choice's options, one per line. */
  options: string;
}

export const VARIABLE_TYPES: readonly [Exclude<VariableType, "string">, string][] = [
  ["text", "Text"],
  ["longText", "Long text"],
  ["number", "Number"],
  ["choice", "Choice"],
  ["boolean", "Yes / no"],
];

const TOKEN = /\\\{\{|\{\{\s*([A-Za-z][A-Za-z0-9_]{0,39})\s*\}\}/g;

export function emptyRow(name = ""): VariableRow {
  return { name, label: "", type: "text", required: false, initial: "", maxLength: "", min: "", max: "", options: "" };
}

/** The names a body's placeholders use, in order of first use (an escaped \{{ is not one). */
export function placeholdersOf(body: string): string[] {
  const names: string[] = [];
  for (const m of body.matchAll(TOKEN)) {
    if (m[1] !== undefined && !names.includes(m[1])) names.push(m[1]);
  }
  return names;
}

/** Names the body uses that the table does not declare yet. */
export function undeclared(body: string, rows: VariableRow[]): string[] {
  const declared = new Set(rows.map((r) => r.name.trim()));
  return placeholdersOf(body).filter((name) => !declared.has(name));
}

const numberOrUndefined = (s: string): number | undefined => (s.trim() === "" || Number.isNaN(Number(s)) ? undefined : Number(s));

/** The table as the API's variables: each limit only where its type has it. */
export function toInputs(rows: VariableRow[]): TemplateVariableInput[] {
  return rows.map((row) => {
    const limits: NonNullable<TemplateVariableInput["limits"]> = {};
    if ((row.type === "text" || row.type === "longText") && numberOrUndefined(row.maxLength) !== undefined)
      limits.maxLength = numberOrUndefined(row.maxLength);
    if (row.type === "number") {
      if (numberOrUndefined(row.min) !== undefined) limits.min = numberOrUndefined(row.min);
      if (numberOrUndefined(row.max) !== undefined) limits.max = numberOrUndefined(row.max);
    }
    if (row.type === "choice") limits.options = row.options.split("\n").map((o) => o.trim()).filter(Boolean);
    const input: TemplateVariableInput = { name: row.name.trim(), type: row.type, required: row.required, limits };
    if (row.label.trim()) input.label = row.label.trim();
    if (row.initial.trim()) input.default = row.initial.trim();
    return input;
  });
}

/** A saved template's variables as table rows. */
export function toRows(template: Template): VariableRow[] {
  return template.variables.map((v) => ({
    name: v.name,
    label: v.label === v.name ? "" : v.label,
    type: v.type,
    required: v.required,
    initial: v.default ?? "",
    maxLength: v.limits.maxLength == null ? "" : String(v.limits.maxLength),
    min: v.limits.min == null ? "" : String(v.limits.min),
    max: v.limits.max == null ? "" : String(v.limits.max),
    options: (v.limits.options ?? []).join("\n"),
  }));
}

/** What a save sends. */
export function toDraft(name: string, kind: Template["kind"], body: string, rows: VariableRow[]): TemplateDraft {
  return { name: name.trim(), kind, body, variables: toInputs(rows) };
}

/** Starting sample values: each variable's default, or a choice's first option, or a boolean's false. */
export function sampleValues(rows: VariableRow[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of rows) {
    const first = row.options.split("\n").map((o) => o.trim()).find(Boolean) ?? "";
    out[row.name] = row.initial.trim() || (row.type === "choice" ? first : row.type === "boolean" ? "false" : "");
  }
  return out;
}

/** Only the filled-in values, for a preview or a try (the server applies defaults). */
export function filled(values: Record<string, string>, rows: VariableRow[]): Record<string, string> {
  const names = new Set(rows.map((r) => r.name.trim()));
  return Object.fromEntries(Object.entries(values).filter(([k, v]) => names.has(k) && v.trim() !== ""));
}
