// The logic of the batch form: rows typed in a grid or read from a CSV file, the API's row and
// column errors placed next to their rows, the schedule and its preview, and the budget in dollars.

import { describeCron, isTimeZone, nextRuns, parseCron, wallToInstant } from "./cron";
import type { FieldProblem } from "./problem";
import type { BatchRow, Template } from "./api-types";

/** The rows that hold something, and for each the grid row it came from. */
export function gridToRows(grid: BatchRow[]): { rows: BatchRow[]; gridIndex: number[] } {
  const rows: BatchRow[] = [];
  const gridIndex: number[] = [];
  grid.forEach((row, index) => {
    const filled = Object.entries(row).filter(([, value]) => value.trim() !== "");
    if (filled.length === 0) return;
    rows.push(Object.fromEntries(filled.map(([name, value]) => [name, value.trim()])));
    gridIndex.push(index);
  });
  return { rows, gridIndex };
}

export function emptyRow(template: Template | undefined): BatchRow {
  return Object.fromEntries((template?.variables ?? []).map((variable) => [variable.name, ""]));
}

export interface RowProblem {
  /** The template variable (column) at fault, or null for the whole row. */
  column: string | null;
  message: string;
}

export interface PlacedProblems {
  /** Problems by grid row (from 0). */
  byRow: Map<number, RowProblem[]>;
  /** Problems of the file or the list as a whole (its header, its length). */
  general: string[];
}

/**
 * Places the API's field problems (`rows[n]`, `rows[n].column`, `header`, `rows`) next to the rows
 * they name. Typed-in rows are numbered from 0 as sent; a CSV file's from 1 below its header.
 * `gridIndex` maps a sent row back to its grid row.
 */
export function placeProblems(problems: FieldProblem[], source: "list" | "csv", gridIndex?: number[]): PlacedProblems {
  const byRow = new Map<number, RowProblem[]>();
  const general: string[] = [];
  for (const problem of problems) {
    const match = /^rows\[(\d+)\](?:\.(.+))?$/.exec(problem.field);
    if (!match) {
      general.push(sentence(problem.field === "rows" || problem.field === "header" ? problem.message : `${problem.field} ${problem.message}`));
      continue;
    }
    const sent = Number(match[1]) - (source === "csv" ? 1 : 0);
    const row = gridIndex ? gridIndex[sent] : sent;
    if (row === undefined || row < 0) {
      general.push(sentence(problem.message));
      continue;
    }
    const list = byRow.get(row) ?? [];
    list.push({ column: match[2] ?? null, message: sentence(problem.message) });
    byRow.set(row, list);
  }
  return { byRow, general };
}

/** The batch fields a problem may name, and the form field that shows it. */
const FIELD_OF: Record<string, "name" | "templateId" | "schedule" | "timeZone" | "maxConcurrent" | "budget"> = {
  name: "name",
  templateId: "templateId",
  schedule: "schedule",
  timeZone: "timeZone",
  maxConcurrent: "maxConcurrent",
  budgetMicros: "budget",
};

export type BatchFieldErrors = Partial<Record<(typeof FIELD_OF)[string], string>>;

/**
 * Sorts the problems of a refused batch save: those of the form's fields, and those of the rows,
 * placed on their rows. `source` says whether the rows went as a typed-in list or a CSV file;
 * `gridIndex` maps a typed-in list back to the grid (a file's rows need none).
 */
export function sortBatchProblems(
  problems: FieldProblem[],
  source: "list" | "csv",
  gridIndex?: number[],
): { fields: BatchFieldErrors; rows: PlacedProblems | null } {
  const fields: BatchFieldErrors = {};
  const rowProblems: FieldProblem[] = [];
  for (const problem of problems) {
    const field = FIELD_OF[problem.field];
    if (field) fields[field] = sentence(problem.message);
    else if (/^rows\b|^header$/.test(problem.field)) rowProblems.push(problem);
  }
  return {
    fields,
    rows: rowProblems.length > 0 ? placeProblems(rowProblems, source, source === "csv" ? undefined : gridIndex) : null,
  };
}

function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const first = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/**
 * Reads CSV text (RFC 4180: commas, double quotes, "" inside quotes) into records, as the server
 * counts them: an empty line is a record, a last line break adds none. For showing a file's rows
 * before and after it is sent.
 */
export function parseCsv(text: string): string[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let value = "";
  let quoted = false;
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else value += c;
      i++;
      continue;
    }
    if (c === '"' && value === "") {
      quoted = true;
    } else if (c === ",") {
      record.push(value);
      value = "";
    } else if (c === "\r" || c === "\n") {
      record.push(value);
      records.push(record);
      record = [];
      value = "";
      if (c === "\r" && source[i + 1] === "\n") i++;
    } else {
      value += c;
    }
    i++;
  }
  if (value !== "" || record.length > 0) {
    record.push(value);
    records.push(record);
  }
  return records;
}

/** A dollar amount typed in, as millionths of a dollar; "" is no budget. */
export function dollarsToMicros(text: string): { ok: true; micros: number } | { ok: false; error: string } {
  const cleaned = text.trim().replace(/^\$/, "").replace(/,/g, "");
  if (cleaned === "") return { ok: true, micros: 0 };
  if (!/^\d+(\.\d{0,6})?$/.test(cleaned)) return { ok: false, error: "Enter an amount in dollars, such as 2.50, or leave it empty for no budget." };
  const micros = Math.round(Number(cleaned) * 1_000_000);
  if (micros > 2_147_483_647) return { ok: false, error: "A batch's budget can be at most $2,147.48 per run." };
  return { ok: true, micros };
}

export function microsToDollars(micros: number): string {
  return micros > 0 ? (micros / 1_000_000).toFixed(2) : "";
}

export type ScheduleMode = "once" | "cron";

export interface ScheduleInput {
  mode: ScheduleMode;
  /** A datetime-local value, read in the time zone: 2026-12-01T09:00. */
  onceAt: string;
  cron: string;
  timeZone: string;
}

/** The `schedule` the API takes. */
export function scheduleText(input: ScheduleInput): string {
  return input.mode === "once" ? `once at ${input.onceAt.trim()}` : input.cron.trim().replace(/\s+/g, " ");
}

/** Splits a saved schedule back into the form's fields. */
export function scheduleInput(schedule: string, timeZone: string): ScheduleInput {
  const once = /^once at\s+(.+)$/i.exec(schedule.trim());
  if (!once) return { mode: "cron", onceAt: "", cron: schedule.trim(), timeZone };
  const at = once[1].trim();
  // A time saved with an offset is shown as the same moment on the clock of the time zone.
  const local = /[zZ]|[+-]\d{2}:?\d{2}$/.test(at) ? toLocalInput(Date.parse(at), timeZone) : at.slice(0, 16);
  return { mode: "once", onceAt: local, cron: "", timeZone };
}

function toLocalInput(instant: number, zone: string): string {
  if (Number.isNaN(instant)) return "";
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: isTimeZone(zone) ? zone : "UTC",
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

export type Preview =
  | { ok: true; description: string; next: Date[]; warning?: string }
  | { ok: false; error: string; field: "schedule" | "timeZone" };

/** What a schedule means and when it next runs, worked out in the browser. */
export function previewSchedule(schedule: string, timeZone: string, now: Date, count = 5): Preview {
  const zone = timeZone.trim() || "UTC";
  if (!isTimeZone(zone)) return { ok: false, field: "timeZone", error: `"${zone}" isn't a time zone this browser knows, such as Europe/Paris or UTC.` };
  const once = /^once at\s+(.+)$/i.exec(schedule.trim());
  if (once) {
    const instant = onceInstant(once[1].trim(), zone);
    if (instant === null) return { ok: false, field: "schedule", error: "Pick the date and time of the run." };
    const when = formatRun(new Date(instant), zone);
    if (instant <= now.getTime()) {
      return { ok: true, description: `Once, on ${when}`, next: [], warning: "That time has passed, so the batch won't run by itself. Use “Run now”, or pick a later time." };
    }
    return { ok: true, description: `Once, on ${when}`, next: [new Date(instant)] };
  }
  if (!schedule.trim()) return { ok: false, field: "schedule", error: "Enter a cron schedule, such as 0 9 * * 1 for every Monday at 09:00." };
  const parsed = parseCron(schedule);
  if (!parsed.ok) return { ok: false, field: "schedule", error: parsed.error };
  const next = nextRuns(parsed.cron, zone, now, count);
  const described = describeCron(parsed.cron);
  return {
    ok: true,
    description: described ? `${described} (${zone} time)` : `On the schedule “${schedule.trim()}” (${zone} time)`,
    next,
    warning: next.length === 0 ? "This schedule never comes round in the next eight years." : undefined,
  };
}

function onceInstant(at: string, zone: string): number | null {
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(at)) {
    const instant = Date.parse(at);
    return Number.isNaN(instant) ? null : instant;
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(at);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  // A time the clocks skip is read an hour later, as the server's java.time does.
  return (
    wallToInstant({ year, month, day, hour, minute }, zone) ??
    wallToInstant({ year, month, day, hour: hour + 1, minute }, zone)
  );
}

/** A run's time on the batch's clock: "Mon, 7 Dec 2026, 09:00 Europe/Paris". */
export function formatRun(date: Date, zone: string): string {
  const safeZone = isTimeZone(zone) ? zone : "UTC";
  const text = new Intl.DateTimeFormat("en-GB", {
    timeZone: safeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
  return `${text} ${safeZone}`;
}

export interface BatchSettingsInput {
  name: string;
  schedule: ScheduleInput;
  maxConcurrent: string;
  budget: string;
}

/**
 * Checks what a person typed for a batch before it is sent: a name, a schedule the browser can
 * read, items at once from 1 to 32, a budget in dollars. Gives the problems by field, and the
 * values to send when there are none.
 */
export function checkBatchSettings(
  input: BatchSettingsInput,
  now: Date,
): { errors: BatchFieldErrors; values: { name: string; schedule: string; timeZone: string; maxConcurrent: number; budgetMicros: number } | null } {
  const errors: BatchFieldErrors = {};
  if (!input.name.trim()) errors.name = "Give the batch a name.";
  const schedule = scheduleText(input.schedule);
  const preview = previewSchedule(schedule, input.schedule.timeZone, now);
  if (!preview.ok) errors[preview.field] = preview.error;
  const count = Number(input.maxConcurrent);
  if (!/^\s*\d+\s*$/.test(input.maxConcurrent) || count < 1 || count > 32) errors.maxConcurrent = "Enter a whole number from 1 to 32.";
  const micros = dollarsToMicros(input.budget);
  if (!micros.ok) errors.budget = micros.error;
  if (Object.keys(errors).length > 0 || !micros.ok) return { errors, values: null };
  return {
    errors,
    values: { name: input.name.trim(), schedule, timeZone: input.schedule.timeZone.trim(), maxConcurrent: count, budgetMicros: micros.micros },
  };
}

/** The browser's own time zone, the form's default. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}
