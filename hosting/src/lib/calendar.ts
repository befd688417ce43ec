// The date math of the calendar screen, in a person's time zone, with the platform's Intl only.
//
// A day is a civil date ("2026-03-29"), the same wherever it is read; an instant is a Date. A day
// starts at the first instant whose wall clock in the zone reads that date (midnight, or the end
// of a gap where a zone skips midnight), so a spring-forward day lasts 23 hours and a fall-back
// day 25. Weeks start on Monday.

import type { Calendar, CalendarEntry } from "./api-types";

export type View = "month" | "week";

/** A civil date, "YYYY-MM-DD". */
export type Day = string;

/** What the wall clock of `zone` reads at an instant. */
export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether `zone` is a time zone this browser knows. */
export function isZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The browser's own time zone (UTC when it says none). */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** The wall clock of `zone` at `at`. */
export function wallTime(at: Date, zone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(at)) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute };
}

/** How far ahead of UTC `zone`'s wall clock is at `at`, in milliseconds (whole seconds dropped). */
function offsetAt(at: Date, zone: string): number {
  const w = wallTime(at, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return asUtc - Math.floor(at.getTime() / 60_000) * 60_000;
}

/**
 * The instants at which the wall clock of `zone` reads `w`, earliest first: one, two for a time the
 * clocks go back over (a fall-back hour), none for a time they skip (a spring-forward gap).
 */
export function occurrencesOf(w: WallTime, zone: string): number[] {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  // The offsets either side of the guess: before and after a change they differ.
  const candidates = new Set([offsetAt(new Date(asUtc - 86_400_000), zone), offsetAt(new Date(asUtc + 86_400_000), zone)]);
  const fits: number[] = [];
  for (const offset of candidates) {
    const t = asUtc - offset;
    const back = wallTime(new Date(t), zone);
    if (back.year === w.year && back.month === w.month && back.day === w.day && back.hour === w.hour && back.minute === w.minute) {
      fits.push(t);
    }
  }
  return fits.sort((a, b) => a - b);
}

/**
 * The instant the wall clock of `zone` reads `w`. A time that occurs twice (a fall-back hour) is
 * its first occurrence; a time that does not occur (a spring-forward gap) is moved on by the gap,
 * as a clock set before the change would read it (02:30 becomes 03:30 in Paris).
 */
export function instantOf(w: WallTime, zone: string): Date {
  const fits = occurrencesOf(w, zone);
  if (fits.length > 0) return new Date(fits[0]);
  // In a gap: read it with the offset from before the change, which lands past the gap.
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return new Date(asUtc - Math.min(offsetAt(new Date(asUtc - 86_400_000), zone), offsetAt(new Date(asUtc + 86_400_000), zone)));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** The civil date of a wall time, or of year/month/day. */
export function dayOf(year: number, month: number, day: number): Day {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function parts(day: Day): [number, number, number] {
  const [y, m, d] = day.split("-").map(Number);
  return [y, m, d];
}

/** The date `n` days after `day` (before, for a negative n). */
export function addDays(day: Day, n: number): Day {
  const [y, m, d] = parts(day);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return dayOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayOf(day: Day): number {
  const [y, m, d] = parts(day);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** The Monday of the week of `day`. */
export function weekStart(day: Day): Day {
  return addDays(day, -weekdayOf(day));
}

/** The seven days of the week of `day`, Monday first. */
export function weekDays(day: Day): Day[] {
  const first = weekStart(day);
  return Array.from({ length: 7 }, (_, i) => addDays(first, i));
}

/** The first day of the month of `day`. */
export function monthStart(day: Day): Day {
  const [y, m] = parts(day);
  return dayOf(y, m, 1);
}

/** The same day of month `n` months later (clamped to the month's last day). */
export function addMonths(day: Day, n: number): Day {
  const [y, m, d] = parts(day);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return dayOf(year, month, Math.min(d, last));
}

/**
 * The weeks a month view shows: whole weeks, Monday first, from the week of the month's first day
 * to the week of its last (four to six of them).
 */
export function monthGrid(day: Day): Day[][] {
  const first = monthStart(day);
  const last = addDays(addMonths(first, 1), -1);
  const weeks: Day[][] = [];
  for (let start = weekStart(first); start <= last; start = addDays(start, 7)) {
    weeks.push(weekDays(start));
  }
  return weeks;
}

/** The first instant of `day` in `zone`. */
export function startOfDay(day: Day, zone: string): Date {
  const [y, m, d] = parts(day);
  return instantOf({ year: y, month: m, day: d, hour: 0, minute: 0 }, zone);
}

/** The date an instant falls on in `zone`. */
export function dayAt(at: Date, zone: string): Day {
  const w = wallTime(at, zone);
  return dayOf(w.year, w.month, w.day);
}

/** Today in `zone`. */
export function today(zone: string, now: Date = new Date()): Day {
  return dayAt(now, zone);
}

/** The days a view of `anchor` shows, and the window [from, to) to ask the API for. */
export function visibleRange(view: View, anchor: Day, zone: string): { days: Day[]; from: Date; to: Date } {
  const days = view === "week" ? weekDays(anchor) : monthGrid(anchor).flat();
  return { days, from: startOfDay(days[0], zone), to: startOfDay(addDays(days[days.length - 1], 1), zone) };
}

/** The anchor of the view before (-1) or after (+1) this one. */
export function step(view: View, anchor: Day, by: number): Day {
  return view === "week" ? addDays(anchor, 7 * by) : addMonths(monthStart(anchor), by);
}

/** "HH:MM" of an instant in `zone`. */
export function clockOf(at: Date, zone: string): string {
  const w = wallTime(at, zone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * Where an entry dropped on another day (and, in the week view, another hour) starts: the same
 * wall-clock minute (and hour, unless one is given) on that day, in `zone`.
 */
export function movedStart(start: Date, day: Day, zone: string, hour?: number): Date {
  const w = wallTime(start, zone);
  const [y, m, d] = parts(day);
  return instantOf({ year: y, month: m, day: d, hour: hour ?? w.hour, minute: w.minute }, zone);
}

/** The value of a datetime-local field for an instant, in `zone`. */
export function toLocalInput(at: Date, zone: string): string {
  const w = wallTime(at, zone);
  return `${dayOf(w.year, w.month, w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** The instant a datetime-local field's value (seconds optional) names in `zone`; null when it names none. */
export function fromLocalInput(value: string, zone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return null;
  return new Date(instantOf({ year, month, day, hour, minute }, zone).getTime() + second * 1000);
}

/** The entries of each day, in start order. */
export function byDay(entries: CalendarEntry[], zone: string): Map<Day, CalendarEntry[]> {
  const out = new Map<Day, CalendarEntry[]>();
  for (const e of [...entries].sort((a, b) => a.start.localeCompare(b.start))) {
    const day = dayAt(new Date(e.start), zone);
    const list = out.get(day);
    if (list) list.push(e);
    else out.set(day, [e]);
  }
  return out;
}

/** The hour (0-23) of an entry's start on the wall clock of `zone`. */
export function hourOf(e: CalendarEntry, zone: string): number {
  return wallTime(new Date(e.start), zone).hour;
}

/** A colour palette the entries of one project share; the kind decides the style (solid or outlined). */
const PALETTE = ["blue", "green", "purple", "orange", "teal", "pink", "cyan", "yellow"] as const;

/** The colour of a project's entries: the same project, the same colour, on every screen. */
export function colorOf(projectId: string): (typeof PALETTE)[number] {
  let h = 0;
  for (let i = 0; i < projectId.length; i++) h = (h * 31 + projectId.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length];
}

/** Whether an entry is still to come (scheduled, paused, or due this moment) rather than a run that happened. */
export function isUpcoming(e: CalendarEntry): boolean {
  return e.status === "scheduled" || e.status === "paused" || e.status === "due";
}

/** The words of an entry's status. */
export function statusLabel(status: string): string {
  return status === "scheduled" ? "Scheduled" : status.charAt(0).toUpperCase() + status.slice(1);
}

/** Why an entry cannot be dragged, in words; null when it can. */
export function whyFixed(e: CalendarEntry): string | null {
  if (e.draggable) return null;
  if (e.recurring && isUpcoming(e)) {
    return "This run repeats on a schedule: change the batch's schedule to move it.";
  }
  if (!isUpcoming(e)) return e.kind === "publication" ? "This already went out, or was canceled." : "This already ran.";
  return "Only editors and owners move entries.";
}

/** The notice naming the projects a calendar answer left out (they could not be read); null when none. */
export function unavailableNotice(calendar: Pick<Calendar, "unavailable"> | undefined): string | null {
  const names = (calendar?.unavailable ?? []).map((p) => p.projectName);
  if (names.length === 0) return null;
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `The entries of ${list} could not be read just now and are not shown; try again in a moment.`;
}

/** The heading of a view: "March 2026", or the week's first and last days. */
export function titleOf(view: View, anchor: Day, locale?: string): string {
  const [y, m] = parts(anchor);
  if (view === "month") {
    return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 1)));
  }
  const days = weekDays(anchor);
  const f = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const [a, b] = [days[0], days[6]].map((d) => {
    const [yy, mm, dd] = parts(d);
    return new Date(Date.UTC(yy, mm - 1, dd));
  });
  return `${f.format(a)} – ${f.format(b)}`;
}
