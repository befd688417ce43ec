import { describe, expect, it } from "vitest";
import {
  dollarsToMicros,
  gridToRows,
  microsToDollars,
  parseCsv,
  checkBatchSettings,
  placeProblems,
  previewSchedule,
  sortBatchProblems,
  scheduleInput,
  scheduleText,
} from "./batch-form";

describe("gridToRows", () => {
  it("sends only rows with something in them and remembers where each came from", () => {
    const { rows, gridIndex } = gridToRows([
      { topic: " Tea ", network: "" },
      { topic: "", network: "  " },
      { topic: "Coffee", network: "X" },
    ]);
    expect(rows).toEqual([{ topic: "Tea" }, { topic: "Coffee", network: "X" }]);
    expect(gridIndex).toEqual([0, 2]);
  });
});

describe("placeProblems", () => {
  it("puts a typed-in row's problems on the grid row it came from", () => {
    const placed = placeProblems(
      [
        { field: "rows[1].topic", message: "row 2 of the list: topic is required" },
        { field: "rows[1]", message: "row 2 of the list has too many characters" },
      ],
      "list",
      [0, 2],
    );
    expect(placed.byRow.get(2)).toEqual([
      { column: "topic", message: "Row 2 of the list: topic is required." },
      { column: null, message: "Row 2 of the list has too many characters." },
    ]);
    expect(placed.general).toEqual([]);
  });

  it("counts a CSV file's rows from 1 below the header", () => {
    const placed = placeProblems([{ field: "rows[1].network", message: "must be one of LinkedIn, X" }], "csv");
    expect([...placed.byRow.keys()]).toEqual([0]);
    expect(placed.byRow.get(0)?.[0].column).toBe("network");
  });

  it("keeps problems of the whole file apart", () => {
    const placed = placeProblems(
      [
        { field: "header", message: 'column "topic" is missing; the template requires it' },
        { field: "rows", message: "and 3 more" },
      ],
      "csv",
    );
    expect(placed.general).toEqual(['Column "topic" is missing; the template requires it.', "And 3 more."]);
    expect(placed.byRow.size).toBe(0);
  });
});

describe("sortBatchProblems", () => {
  it("puts field problems on their fields and row problems on their rows", () => {
    const sorted = sortBatchProblems(
      [
        { field: "budgetMicros", message: "must be at least 0" },
        { field: "timeZone", message: "must be an IANA time zone" },
        { field: "rows[0].topic", message: "is required" },
      ],
      "list",
      [3],
    );
    expect(sorted.fields).toEqual({ budget: "Must be at least 0.", timeZone: "Must be an IANA time zone." });
    expect([...(sorted.rows?.byRow.keys() ?? [])]).toEqual([3]);
  });

  it("places a file's problems on the file's rows even when a grid mapping is passed along", () => {
    // Regression: an empty grid mapping once sent every problem of a file to the general list.
    const sorted = sortBatchProblems([{ field: "rows[2].subject", message: "is required" }], "csv", []);
    expect(sorted.rows?.byRow.get(1)).toEqual([{ column: "subject", message: "Is required." }]);
    expect(sorted.rows?.general).toEqual([]);
  });
});

describe("parseCsv", () => {
  it("reads quoted values with commas, quotes and line breaks", () => {
    expect(parseCsv('topic,network\n"Tea, green","LinkedIn"\n"Say ""hi""\nplease",X\n')).toEqual([
      ["topic", "network"],
      ["Tea, green", "LinkedIn"],
      ['Say "hi"\nplease', "X"],
    ]);
  });

  it("counts an empty line as a record, as the server does, and skips a byte order mark", () => {
    expect(parseCsv("\ufefftopic\r\nTea\r\n\r\nCoffee")).toEqual([["topic"], ["Tea"], [""], ["Coffee"]]);
  });
});

describe("dollarsToMicros", () => {
  it("reads dollars and cents", () => {
    expect(dollarsToMicros("$2.50")).toEqual({ ok: true, micros: 2_500_000 });
    expect(dollarsToMicros("")).toEqual({ ok: true, micros: 0 });
    expect(microsToDollars(2_500_000)).toBe("2.50");
  });

  it("refuses what isn't an amount, or is more than the server takes", () => {
    expect(dollarsToMicros("two").ok).toBe(false);
    expect(dollarsToMicros("-1").ok).toBe(false);
    expect(dollarsToMicros("5000").ok).toBe(false);
  });
});

describe("checkBatchSettings", () => {
  const schedule = { mode: "cron" as const, onceAt: "", cron: "0 9 * * 1", timeZone: " Europe/Paris " };

  it("gives the values to send when everything is right", () => {
    expect(checkBatchSettings({ name: " Weekly ", schedule, maxConcurrent: "4", budget: "1.5" }, new Date("2026-11-26T00:00:00Z"))).toEqual({
      errors: {},
      values: { name: "Weekly", schedule: "0 9 * * 1", timeZone: "Europe/Paris", maxConcurrent: 4, budgetMicros: 1_500_000 },
    });
  });

  it("names every field at fault and sends nothing", () => {
    const checked = checkBatchSettings(
      { name: " ", schedule: { ...schedule, cron: "0 9 * *" }, maxConcurrent: "2.5", budget: "lots" },
      new Date("2026-11-26T00:00:00Z"),
    );
    expect(checked.values).toBeNull();
    expect(Object.keys(checked.errors).sort()).toEqual(["budget", "maxConcurrent", "name", "schedule"]);
  });

  it("keeps items at once between 1 and 32", () => {
    const at = new Date("2026-11-26T00:00:00Z");
    expect(checkBatchSettings({ name: "x", schedule, maxConcurrent: "33", budget: "" }, at).errors.maxConcurrent).toBeDefined();
    expect(checkBatchSettings({ name: "x", schedule, maxConcurrent: "0", budget: "" }, at).errors.maxConcurrent).toBeDefined();
    expect(checkBatchSettings({ name: "x", schedule, maxConcurrent: "32", budget: "" }, at).values?.maxConcurrent).toBe(32);
  });
});

describe("schedules", () => {
  const now = new Date("2026-11-26T10:00:00Z");

  it("writes and reads back both kinds", () => {
    expect(scheduleText({ mode: "once", onceAt: "2026-12-01T09:00", cron: "", timeZone: "Europe/Paris" })).toBe(
      "once at 2026-12-01T09:00",
    );
    expect(scheduleText({ mode: "cron", onceAt: "", cron: " 0  9 * * 1 ", timeZone: "UTC" })).toBe("0 9 * * 1");
    expect(scheduleInput("once at 2026-12-01T08:00:00Z", "Europe/Paris")).toMatchObject({ mode: "once", onceAt: "2026-12-01T09:00" });
    expect(scheduleInput("0 9 * * 1", "UTC")).toMatchObject({ mode: "cron", cron: "0 9 * * 1" });
  });

  it("previews a once-time on the batch's clock", () => {
    const preview = previewSchedule("once at 2026-12-01T09:00", "Europe/Paris", now);
    expect(preview).toMatchObject({ ok: true, description: "Once, on Tue, 1 Dec 2026, 09:00 Europe/Paris" });
    if (preview.ok) expect(preview.next.map((d) => d.toISOString())).toEqual(["2026-12-01T08:00:00.000Z"]);
  });

  it("warns that a past once-time will never run by itself", () => {
    const preview = previewSchedule("once at 2026-11-01T09:00", "UTC", now);
    expect(preview.ok && preview.warning).toContain("has passed");
  });

  it("previews a cron in words with its next runs", () => {
    const preview = previewSchedule("0 9 * * 1", "Europe/Paris", now, 2);
    expect(preview).toMatchObject({ ok: true, description: "Every Monday at 09:00 (Europe/Paris time)" });
    if (preview.ok) expect(preview.next.map((d) => d.toISOString())).toEqual(["2026-11-30T08:00:00.000Z", "2026-12-07T08:00:00.000Z"]);
  });

  it("names the field at fault", () => {
    expect(previewSchedule("0 9 * *", "UTC", now)).toMatchObject({ ok: false, field: "schedule" });
    expect(previewSchedule("0 9 * * 1", "Mars/Olympus", now)).toMatchObject({ ok: false, field: "timeZone" });
  });
});
