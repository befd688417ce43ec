// Usage against the monthly limits, as bars with numbers.

import type { Limits, Usage } from "./api-types";


export interface UsageBar {
  id: string;
  label: string;
  used: number;
  /** Held for jobs still running; it counts against the limit like what is used. */
  reserved: number;
  limit: number;
  /** 0 to 100, for the bar. */
  percent: number;
  /** The numbers in words: "1,200 of 2,000,000 tokens", and what is held: "(300 held for jobs running)". */
  text: string;
  /** Near or at the limit: the bar turns a warning colour. */
  level: "ok" | "high" | "full";
}

const numbers = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

export function usageBars(usage: Usage | undefined, limits: Limits | undefined): UsageBar[] {
  if (!usage || !limits) return [];
  return [
    bar("tokens", "Text", usage.inputTokens + usage.outputTokens, usage.reservedTokens ?? 0, limits.tokensPerMonth, "tokens"),
    bar("images", "Images", usage.images, usage.reservedImages ?? 0, limits.imagesPerMonth, "images"),
    bar("video", "Video", usage.videoSeconds, usage.reservedVideoSeconds ?? 0, limits.videoSecondsPerMonth, "seconds"),
  ];
}

function bar(id: string, label: string, used: number, reserved: number, limit: number, unit: string): UsageBar {
  const taken = used + reserved;
  const ratio = limit > 0 ? taken / limit : taken > 0 ? 1 : 0;
  const percent = Math.min(100, Math.max(0, ratio * 100));
  return {
    id,
    label,
    used,
    reserved,
    limit,
    percent,
    text:
      `${numbers.format(used)} of ${numbers.format(limit)} ${unit}` +
      (reserved > 0 ? ` (${numbers.format(reserved)} held for jobs running)` : ""),
    level: ratio >= 1 ? "full" : ratio >= 0.8 ? "high" : "ok",
  };
}

/** Millionths of a dollar as money: "$0.04", or "less than $0.01" for a trace. */
export function formatMicros(micros: number): string {
  if (micros <= 0) return "$0.00";
  if (micros < 5_000) return "less than $0.01";
  return new Intl.NumberFormat("en", { style: "currency", currency: "USD" }).format(micros / 1_000_000);
}

/** "2026-11" as "November 2026". */
export function periodName(period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat("en", { month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}

/** A project's month in a few words: "3 items · 1,200 tokens · 2 images · $0.08". */
export function usageSummary(usage: Usage | undefined): string {
  if (!usage || usage.items === 0) return "Nothing generated yet this month.";
  const parts = [`${numbers.format(usage.items)} ${usage.items === 1 ? "item" : "items"}`];
  const tokens = usage.inputTokens + usage.outputTokens;
  if (tokens > 0) parts.push(`${numbers.format(tokens)} tokens`);
  if (usage.images > 0) parts.push(`${numbers.format(usage.images)} ${usage.images === 1 ? "image" : "images"}`);
  if (usage.videoSeconds > 0) parts.push(`${numbers.format(usage.videoSeconds)} s of video`);
  parts.push(`about ${formatMicros(usage.costMicros)}`);
  return parts.join(" · ");
}
