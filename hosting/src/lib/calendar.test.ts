import { describe, expect, it } from "vitest";
import type { CalendarEntry } from "./api-types";
import {
  addDays,
  addMonths,
  byDay,
  clockOf,
  colorOf,
  dayAt,
  fromLocalInput,
  instantOf,
  monthGrid,
  movedStart,
  startOfDay,
  step,
  toLocalInput,
  unavailableNotice,
  visibleRange,
  weekDays,
  whyFixed,
} from "./calendar";

const PARIS = "Europe/Paris";
const NEW_YORK = "America/New_York";

function entry(over: Partial<CalendarEntry>): CalendarEntry {
  return {
    id: "batch-b1-1",
    kind: "batch",
    projectId: "p1",
    projectName: "Launch",
    refId: "b1",
    title: "Posts",
    start: "2026-12-01T09:00:00.000Z",
    status: "scheduled",
    draggable: true,
    recurring: false,
    ...over,
  };
}

describe("month grid", () => {
  it("covers the month in whole weeks starting on Monday", () => {
    // December 2026 starts on a Tuesday and ends on a Thursday: five weeks.
    const weeks = monthGrid("2026-12-17");
    expect(weeks).toHaveLength(5);
    expect(weeks[0][0]).toBe("2026-11-30");
    expect(weeks[4][6]).toBe("2027-01-03");
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });
  it("has four weeks for a February that starts on Monday and six for a month that needs them", () => {
    expect(monthGrid("2027-02-10")).toHaveLength(4);
    // August 2026 starts on a Saturday and has 31 days: six weeks.
    expect(monthGrid("2026-08-01")).toHaveLength(6);
  });
});

describe("days and weeks", () => {
  it("gives the week of a day, Monday to Sunday, across a year's end", () => {
    expect(weekDays("2027-01-01")).toEqual([
      "2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03",
    ]);
  });
  it("adds days and months, clamping to a month's last day", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-11-15", 2)).toBe("2027-01-15");
    expect(step("month", "2026-01-31", -1)).toBe("2025-12-01");
    expect(step("week", "2026-12-01", 1)).toBe("2026-12-08");
  });
});

describe("time zones and daylight saving", () => {
  it("starts a day at local midnight", () => {
    expect(startOfDay("2026-12-01", PARIS).toISOString()).toBe("2026-11-30T23:00:00.000Z");
    expect(startOfDay("2026-07-01", NEW_YORK).toISOString()).toBe("2026-07-01T04:00:00.000Z");
  });
  it("makes the spring-forward day 23 hours and the fall-back day 25", () => {
    const spring = startOfDay("2026-03-30", PARIS).getTime() - startOfDay("2026-03-29", PARIS).getTime();
    const fall = startOfDay("2026-10-26", PARIS).getTime() - startOfDay("2026-10-25", PARIS).getTime();
    expect(spring / 3_600_000).toBe(23);
    expect(fall / 3_600_000).toBe(25);
  });
  it("reads a time in the spring gap as the clock after the change, and a doubled time as its first", () => {
    expect(instantOf({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, PARIS).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(instantOf({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, PARIS).toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });
  it("asks the API for the week from Monday's midnight to the next Monday's, across a change", () => {
    const { days, from, to } = visibleRange("week", "2026-03-26", PARIS);
    expect(days[0]).toBe("2026-03-23");
    expect(from.toISOString()).toBe("2026-03-22T23:00:00.000Z");
    expect(to.toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect((to.getTime() - from.getTime()) / 3_600_000).toBe(7 * 24 - 1);
  });
  it("keeps the wall-clock time when an entry moves to a day on the other side of a change", () => {
    const before = new Date("2026-03-27T08:00:00Z"); // 09:00 in Paris, winter time
    const after = movedStart(before, "2026-03-30", PARIS);
    expect(after.toISOString()).toBe("2026-03-30T07:00:00.000Z"); // 09:00 in Paris, summer time
    expect(clockOf(after, PARIS)).toBe("09:00");
    expect(movedStart(before, "2026-03-30", PARIS, 14).toISOString()).toBe("2026-03-30T12:00:00.000Z");
  });
  it("places an entry on its day in the viewer's zone", () => {
    const late = new Date("2026-12-01T23:30:00Z");
    expect(dayAt(late, "UTC")).toBe("2026-12-01");
    expect(dayAt(late, PARIS)).toBe("2026-12-02");
    expect(dayAt(late, NEW_YORK)).toBe("2026-12-01");
  });
  it("round-trips the Move to… field and refuses dates that do not exist", () => {
    const at = new Date("2026-12-01T08:15:00Z");
    expect(toLocalInput(at, PARIS)).toBe("2026-12-01T09:15");
    expect(fromLocalInput("2026-12-01T09:15", PARIS)?.toISOString()).toBe(at.toISOString());
    expect(fromLocalInput("2026-12-01T09:15:30", PARIS)?.toISOString()).toBe("2026-12-01T08:15:30.000Z");
    expect(fromLocalInput("2026-02-30T09:00", PARIS)).toBeNull();
    expect(fromLocalInput("tomorrow", PARIS)).toBeNull();
  });
});

describe("entries", () => {
  it("groups entries by their day in the zone, in start order", () => {
    const a = entry({ id: "a", start: "2026-12-01T23:30:00Z" });
    const b = entry({ id: "b", start: "2026-12-01T08:00:00Z" });
    const days = byDay([a, b], PARIS);
    expect(days.get("2026-12-01")?.map((e) => e.id)).toEqual(["b"]);
    expect(days.get("2026-12-02")?.map((e) => e.id)).toEqual(["a"]);
    expect(byDay([a, b], "UTC").get("2026-12-01")?.map((e) => e.id)).toEqual(["b", "a"]);
  });
  it("gives one project one colour", () => {
    expect(colorOf("p1")).toBe(colorOf("p1"));
    expect(new Set(["p1", "p2", "p3", "p4", "p5", "p6"].map(colorOf)).size).toBeGreaterThan(1);
  });
  it("says why an entry stays where it is", () => {
    expect(whyFixed(entry({}))).toBeNull();
    expect(whyFixed(entry({ draggable: false, recurring: true }))).toMatch(/schedule/);
    expect(whyFixed(entry({ draggable: false, status: "completed" }))).toMatch(/already ran/);
    expect(whyFixed(entry({ draggable: false }))).toMatch(/editors and owners/);
    expect(whyFixed(entry({ draggable: false, status: "due" }))).toMatch(/editors and owners/);
  });
});

describe("unavailableNotice", () => {
  it("names each project the answer left out, and says nothing when none was", () => {
    expect(unavailableNotice(undefined)).toBeNull();
    expect(unavailableNotice({})).toBeNull();
    expect(unavailableNotice({ unavailable: [] })).toBeNull();
    expect(unavailableNotice({ unavailable: [{ projectId: "p1", projectName: "Launch" }] })).toMatch(
      /^The entries of Launch could not be read/,
    );
    expect(
      unavailableNotice({
        unavailable: [
          { projectId: "p1", projectName: "Launch" },
          { projectId: "p2", projectName: "Daily" },
          { projectId: "p3", projectName: "Blog" },
        ],
      }),
    ).toMatch(/^The entries of Launch, Daily and Blog could not be read/);
  });
});
