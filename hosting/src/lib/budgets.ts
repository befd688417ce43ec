// A project's budget: the calls, and the words and numbers the screens show. Amounts travel as
// millionths of a dollar ("micros"); people read and type dollars.

import { bodyOf, etag, type Api } from "./api";
import type { Budget, BudgetChange, BudgetWarning, Forecast, ForecastBody } from "./api-types";

export function getBudget(api: Api, projectId: string): Promise<Budget> {
  return bodyOf(api.client.GET("/api/projects/{projectId}/budget", { params: { path: { projectId } } }));
}

export function setBudget(api: Api, projectId: string, change: BudgetChange, version?: number): Promise<Budget> {
  return bodyOf(
    api.client.PUT("/api/projects/{projectId}/budget", {
      params: { path: { projectId }, header: version === undefined ? {} : { "If-Match": etag(version) } },
      body: change,
    }),
  );
}

export function forecast(api: Api, projectId: string, body: ForecastBody): Promise<Forecast> {
  return bodyOf(api.client.POST("/api/projects/{projectId}/forecast", { params: { path: { projectId } }, body }));
}

/** Micros as dollars: two places, up to four for amounts under a dollar that need them ($0.0425). */
export function dollars(micros: number): string {
  const d = micros / 1_000_000;
  const fixed = d.toFixed(4).replace(/0{1,2}$/, "");
  return "$" + (Math.abs(d) >= 1 ? d.toFixed(2) : fixed);
}

/**
 * Dollars as typed ("12", "12.50", "$0.75", "" for no limit) into micros; null when it is not an
 * amount from 0 to a million dollars with at most six places.
 */
export function parseDollars(typed: string): number | null {
  const t = typed.trim().replace(/^\$/, "").replace(/,/g, "");
  if (t === "") return 0;
  if (!/^\d{1,7}(\.\d{1,6})?$/.test(t)) return null;
  const [whole, part = ""] = t.split(".");
  const micros = Number(whole) * 1_000_000 + Number(part.padEnd(6, "0"));
  return micros <= 1_000_000_000_000 ? micros : null;
}

/** A limit for an input box: "" for none. */
export function limitText(micros: number): string {
  return micros > 0 ? (micros / 1_000_000).toString() : "";
}

/** The forecast in one line: "≈ $0.42, 8% of this month's budget left after", or why it would be refused. */
export function forecastLine(f: Forecast): string {
  if (f.refusal) return `≈ ${dollars(f.costMicros)}: ${f.refusal}`;
  const cost = `≈ ${dollars(f.costMicros)}${f.demo && f.costMicros === 0 ? " (the demo costs nothing)" : ""}`;
  if (f.projectPercentLeftAfter !== undefined) {
    return `${cost}, ${f.projectPercentLeftAfter}% of this month's budget left after`;
  }
  if (f.memberRemainingAfterMicros !== undefined) {
    return `${cost}, ${dollars(f.memberRemainingAfterMicros)} of your monthly cap left after`;
  }
  return `${cost} at most`;
}

/** The banner of a job that brought a budget past 80%. */
export function warningLine(w: BudgetWarning): string {
  const what = w.scope === "project" ? "this project's monthly budget" : "your monthly cap in this project";
  return `${w.percentUsed}% of ${what} (${dollars(w.limitMicros)}) is spent or held; ${dollars(w.remainingMicros)} is left this month.`;
}
