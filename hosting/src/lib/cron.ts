// Reads a Unix cron expression (minute hour day-of-month month day-of-week) and works out when it
// next fires in an IANA time zone, so the batch form can preview a schedule before it is saved.
// The server decides; this only previews. Daylight saving follows the server: a local time that
// doesn't exist that day is skipped, one that happens twice fires at its first occurrence.

import { isZone, occurrencesOf, wallTime, type WallTime } from "./calendar";

export interface Cron {
  minutes: number[];
  hours: number[];
  days: number[];
  months: number[];
  /** 0 is Sunday; 7 in the expression is folded into 0. */
  weekdays: number[];
  /** Whether day of month and day of week were given (not `*`): when both are, either may match. */
  daysRestricted: boolean;
  weekdaysRestricted: boolean;
}

export type CronResult = { ok: true; cron: Cron } | { ok: false; error: string };

const MONTH_NAMES = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAY_NAMES = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

interface FieldSpec {
  label: string;
  min: number;
  max: number;
  names?: string[];
  /** The value the first name stands for. */
  nameBase?: number;
}

const FIELDS: FieldSpec[] = [
  { label: "minute", min: 0, max: 59 },
  { label: "hour", min: 0, max: 23 },
  { label: "day of month", min: 1, max: 31 },
  { label: "month", min: 1, max: 12, names: MONTH_NAMES, nameBase: 1 },
  { label: "day of week", min: 0, max: 7, names: DAY_NAMES, nameBase: 0 },
];

export function parseCron(expression: string): CronResult {
  const parts = expression.trim().split(/\s+/).filter(Boolean);
  if (parts.length !== 5) {
    return {
      ok: false,
      error: `A cron schedule has five parts (minute, hour, day of month, month, day of week); this one has ${parts.length}.`,
    };
  }
  const values: number[][] = [];
  for (let i = 0; i < 5; i++) {
    const field = parseField(parts[i], FIELDS[i]);
    if (typeof field === "string") return { ok: false, error: field };
    values.push(field);
  }
  const weekdays = [...new Set(values[4].map((day) => day % 7))].sort((a, b) => a - b);
  return {
    ok: true,
    cron: {
      minutes: values[0],
      hours: values[1],
      days: values[2],
      months: values[3],
      weekdays,
      daysRestricted: !parts[2].startsWith("*"),
      weekdaysRestricted: !parts[4].startsWith("*"),
    },
  };
}

function parseField(text: string, spec: FieldSpec): number[] | string {
  const out = new Set<number>();
  for (const piece of text.split(",")) {
    const [range, stepText, extra] = piece.split("/");
    if (extra !== undefined || range === "") return `The ${spec.label} part "${text}" isn't valid.`;
    let step = 1;
    if (stepText !== undefined) {
      step = Number(stepText);
      if (!/^\d+$/.test(stepText) || step < 1) return `The step in the ${spec.label} part "${text}" must be a whole number above 0.`;
    }
    let low: number;
    let high: number;
    if (range === "*") {
      low = spec.min;
      high = spec.max;
    } else {
      const [from, to, more] = range.split("-");
      if (more !== undefined) return `The ${spec.label} part "${text}" isn't valid.`;
      const a = value(from, spec);
      if (a === null) return `"${from}" isn't a valid ${spec.label} (${spec.min} to ${spec.max}).`;
      low = a;
      if (to !== undefined) {
        const b = value(to, spec);
        if (b === null) return `"${to}" isn't a valid ${spec.label} (${spec.min} to ${spec.max}).`;
        if (b < a) return `The ${spec.label} range "${range}" runs backwards.`;
        high = b;
      } else {
        // "5/15" means from 5 to the end in steps of 15.
        high = stepText !== undefined ? spec.max : a;
      }
    }
    for (let n = low; n <= high; n += step) out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}

function value(text: string, spec: FieldSpec): number | null {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= spec.min && n <= spec.max ? n : null;
  }
  const at = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  return at >= 0 ? at + (spec.nameBase ?? 0) : null;
}

/** Wall-clock fields of an instant in a time zone (the calendar's, which reads them the same way). */
type Wall = WallTime;

/** Whether the browser knows this IANA time zone. */
export function isTimeZone(zone: string): boolean {
  return zone.trim() !== "" && isZone(zone.trim());
}

function wallAt(instant: number, zone: string): Wall {
  return wallTime(new Date(instant), zone);
}

/**
 * The instant a wall-clock time in a zone stands for: null when the clocks skip it, the first of
 * the two when they go back over it.
 */
export function wallToInstant(wall: Wall, zone: string): number | null {
  const fits = occurrencesOf(wall, zone);
  return fits.length > 0 ? fits[0] : null;
}

/** The next `count` times the cron fires strictly after `after`, in `zone`. */
export function nextRuns(cron: Cron, zone: string, after: Date, count: number): Date[] {
  const runs: Date[] = [];
  const start = wallAt(after.getTime(), zone);
  // Eight years covers the rarest date a cron can name (29 February, across a skipped leap year).
  for (let offset = 0; offset < 366 * 8 && runs.length < count; offset++) {
    const date = new Date(Date.UTC(start.year, start.month - 1, start.day + offset));
    const month = date.getUTCMonth() + 1;
    const day = date.getUTCDate();
    if (!cron.months.includes(month) || !dayMatches(cron, day, date.getUTCDay())) continue;
    for (const hour of cron.hours) {
      for (const minute of cron.minutes) {
        const instant = wallToInstant({ year: date.getUTCFullYear(), month, day, hour, minute }, zone);
        if (instant === null || instant <= after.getTime()) continue;
        runs.push(new Date(instant));
        if (runs.length === count) return runs;
      }
    }
  }
  return runs;
}

function dayMatches(cron: Cron, day: number, weekday: number): boolean {
  const byDay = cron.days.includes(day);
  const byWeekday = cron.weekdays.includes(weekday);
  if (cron.daysRestricted && cron.weekdaysRestricted) return byDay || byWeekday;
  return byDay && byWeekday;
}

const WEEKDAY_WORDS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTH_WORDS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A sentence for the common shapes of cron; null for shapes better shown by their next runs. */
export function describeCron(cron: Cron): string | null {
  const everyMinute = cron.minutes.length === 60;
  const everyHour = cron.hours.length === 24;
  const anyDay = !cron.daysRestricted && !cron.weekdaysRestricted && cron.months.length === 12;
  if (anyDay && everyHour) {
    if (everyMinute) return "Every minute";
    const step = evenStep(cron.minutes, 60);
    if (step) return `Every ${step} minutes`;
    if (cron.minutes.length === 1) return `Every hour at ${cron.minutes[0]} minutes past`;
    return null;
  }
  if (cron.minutes.length !== 1 || cron.hours.length > 4) return null;
  const times = cron.hours.map((hour) => `${pad(hour)}:${pad(cron.minutes[0])}`);
  const at = `at ${list(times)}`;
  if (cron.months.length !== 12) {
    if (cron.daysRestricted && !cron.weekdaysRestricted && cron.days.length === 1 && cron.months.length <= 3) {
      return `Every year on ${list(cron.months.map((m) => `${cron.days[0]} ${MONTH_WORDS[m - 1]}`))} ${at}`;
    }
    return null;
  }
  if (!cron.daysRestricted && !cron.weekdaysRestricted) return `Every day ${at}`;
  if (!cron.daysRestricted) {
    if (cron.weekdays.join() === "1,2,3,4,5") return `Every weekday (Monday to Friday) ${at}`;
    if (cron.weekdays.join() === "0,6") return `Every weekend day ${at}`;
    return `Every ${list(cron.weekdays.map((d) => WEEKDAY_WORDS[d]))} ${at}`;
  }
  if (!cron.weekdaysRestricted && cron.days.length <= 3) {
    return `On day ${list(cron.days.map(String))} of every month ${at}`;
  }
  return null;
}

function evenStep(values: number[], size: number): number | null {
  if (values.length < 2 || values[0] !== 0) return null;
  const step = values[1] - values[0];
  if (size % step !== 0 || values.length !== size / step) return null;
  return values.every((v, i) => v === i * step) ? step : null;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
