import { describe, expect, it } from "vitest";
import type { Forecast } from "./api-types";
import { dollars, forecastLine, limitText, parseDollars, warningLine } from "./budgets";

const base: Forecast = {
  items: 2,
  perItemMicros: 210_000,
  costMicros: 420_000,
  provider: "openai",
  demo: false,
  method: "…",
  project: { limitMicros: 10_000_000, spentMicros: 8_780_000, reservedMicros: 0 },
  member: { limitMicros: 0, spentMicros: 0, reservedMicros: 0 },
  fits: true,
  warning: true,
};

describe("budgets", () => {
  it("writes micros as dollars with two to four places", () => {
    expect(dollars(0)).toBe("$0.00");
    expect(dollars(420_000)).toBe("$0.42");
    expect(dollars(42_500)).toBe("$0.0425");
    expect(dollars(12_500_000)).toBe("$12.50");
  });

  it("reads typed dollars into micros, blank as no limit", () => {
    expect(parseDollars("12.50")).toBe(12_500_000);
    expect(parseDollars("$0.75")).toBe(750_000);
    expect(parseDollars("")).toBe(0);
    expect(parseDollars("-3")).toBeNull();
    expect(parseDollars("ten")).toBeNull();
    expect(parseDollars("0.0000001")).toBeNull();
    expect(limitText(12_500_000)).toBe("12.5");
    expect(limitText(0)).toBe("");
  });

  it("says the forecast with what is left of the budget after", () => {
    expect(forecastLine({ ...base, projectPercentLeftAfter: 8, projectRemainingAfterMicros: 800_000 })).toBe(
      "≈ $0.42, 8% of this month's budget left after",
    );
    expect(forecastLine({ ...base, memberRemainingAfterMicros: 580_000 })).toBe("≈ $0.42, $0.58 of your monthly cap left after");
    expect(forecastLine(base)).toBe("≈ $0.42 at most");
    expect(forecastLine({ ...base, costMicros: 0, demo: true })).toBe("≈ $0.00 (the demo costs nothing) at most");
    expect(forecastLine({ ...base, fits: false, refusal: "This would go past the project's monthly budget." })).toBe(
      "≈ $0.42: This would go past the project's monthly budget.",
    );
  });

  it("says a warning with the limit and what is left", () => {
    expect(
      warningLine({ scope: "project", limitMicros: 10_000_000, committedMicros: 8_000_000, remainingMicros: 2_000_000, percentUsed: 80, message: "" }),
    ).toBe("80% of this project's monthly budget ($10.00) is spent or held; $2.00 is left this month.");
  });
});
