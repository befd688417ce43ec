import { describe, expect, it } from "vitest";
import { describeCron, nextRuns, parseCron, wallToInstant, type Cron } from "./cron";

function cron(expression: string): Cron {
  const result = parseCron(expression);
  if (!result.ok) throw new Error(result.error);
  return result.cron;
}

function iso(dates: Date[]): string[] {
  return dates.map((date) => date.toISOString());
}

describe("parseCron", () => {
  it("reads lists, ranges, steps and names", () => {
    const c = cron("0,30 9-17/4 * jan-mar MON-fri");
    expect(c.minutes).toEqual([0, 30]);
    expect(c.hours).toEqual([9, 13, 17]);
    expect(c.months).toEqual([1, 2, 3]);
    expect(c.weekdays).toEqual([1, 2, 3, 4, 5]);
  });

  it("treats 7 as Sunday", () => {
    expect(cron("0 9 * * 7").weekdays).toEqual([0]);
  });

  it("says how many parts it wants", () => {
    const result = parseCron("0 9 * *");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain("has 4");
  });

  it("names the part that is out of range", () => {
    const result = parseCron("0 24 * * *");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe('"24" isn\'t a valid hour (0 to 23).');
  });

  it("refuses a backwards range and a zero step", () => {
    expect(parseCron("0 9 20-10 * *").ok).toBe(false);
    expect(parseCron("*/0 * * * *").ok).toBe(false);
  });
});

describe("nextRuns", () => {
  it("gives Monday mornings in Paris in UTC, across the change to winter time", () => {
    const runs = nextRuns(cron("0 9 * * 1"), "Europe/Paris", new Date("2026-10-20T00:00:00Z"), 2);
    // 26 October 2026 is after the clocks go back (25 October): UTC+1 instead of UTC+2.
    expect(iso(runs)).toEqual(["2026-10-26T08:00:00.000Z", "2026-11-02T08:00:00.000Z"]);
    const before = nextRuns(cron("0 9 * * 1"), "Europe/Paris", new Date("2026-10-13T00:00:00Z"), 1);
    expect(iso(before)).toEqual(["2026-10-19T07:00:00.000Z"]);
  });

  it("skips a local time the clocks jump over", () => {
    // New York springs forward at 02:00 on 8 March 2026: 02:30 doesn't exist that day.
    const runs = nextRuns(cron("30 2 * * *"), "America/New_York", new Date("2026-03-07T12:00:00Z"), 2);
    expect(iso(runs)).toEqual(["2026-03-09T06:30:00.000Z", "2026-03-10T06:30:00.000Z"]);
  });

  it("runs a repeated local time once, at its first occurrence", () => {
    // Paris falls back at 03:00 on 25 October 2026: 02:30 happens at 00:30 and at 01:30 UTC.
    expect(wallToInstant({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, "Europe/Paris")).toBe(
      Date.parse("2026-10-25T00:30:00Z"),
    );
    const runs = nextRuns(cron("30 2 * * *"), "Europe/Paris", new Date("2026-10-24T12:00:00Z"), 2);
    expect(iso(runs)).toEqual(["2026-10-25T00:30:00.000Z", "2026-10-26T01:30:00.000Z"]);
  });

  it("matches either day when both day of month and day of week are given", () => {
    // The 1st of the month, plus every Friday (as crontab and the server read it).
    const runs = nextRuns(cron("0 12 1 * 5"), "UTC", new Date("2026-11-26T00:00:00Z"), 3);
    expect(iso(runs)).toEqual(["2026-11-27T12:00:00.000Z", "2026-12-01T12:00:00.000Z", "2026-12-04T12:00:00.000Z"]);
  });

  it("finds a leap day years away", () => {
    const runs = nextRuns(cron("0 0 29 2 *"), "UTC", new Date("2026-11-26T00:00:00Z"), 1);
    expect(iso(runs)).toEqual(["2028-02-29T00:00:00.000Z"]);
  });

  it("starts strictly after the given moment", () => {
    const runs = nextRuns(cron("*/15 * * * *"), "UTC", new Date("2026-11-26T10:15:00Z"), 2);
    expect(iso(runs)).toEqual(["2026-11-26T10:30:00.000Z", "2026-11-26T10:45:00.000Z"]);
  });
});

describe("describeCron", () => {
  it("puts common schedules into words", () => {
    expect(describeCron(cron("0 9 * * 1"))).toBe("Every Monday at 09:00");
    expect(describeCron(cron("30 8 * * 1-5"))).toBe("Every weekday (Monday to Friday) at 08:30");
    expect(describeCron(cron("0 9,17 * * *"))).toBe("Every day at 09:00 and 17:00");
    expect(describeCron(cron("0 6 1 * *"))).toBe("On day 1 of every month at 06:00");
    expect(describeCron(cron("*/15 * * * *"))).toBe("Every 15 minutes");
    expect(describeCron(cron("5 * * * *"))).toBe("Every hour at 5 minutes past");
    expect(describeCron(cron("0 9 25 12 *"))).toBe("Every year on 25 December at 09:00");
  });

  it("leaves unusual shapes to the list of next runs", () => {
    expect(describeCron(cron("7,19,43 */3 * * *"))).toBeNull();
  });
});
