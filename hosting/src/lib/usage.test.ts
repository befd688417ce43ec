import { describe, expect, it } from "vitest";
import type { Limits, Usage } from "./api-types";
import { formatMicros, periodName, usageBars, usageSummary } from "./usage";

const limits: Limits = {
  tokensPerMonth: 2_000_000,
  imagesPerMonth: 500,
  videoSecondsPerMonth: 300,
  inputTokenMicros: 0.15,
  outputTokenMicros: 0.6,
  imageMicros: 40_000,
  videoSecondMicros: 50_000,
};
const usage: Usage = {
  period: "2026-11",
  inputTokens: 1_000,
  outputTokens: 200,
  images: 450,
  videoSeconds: 300,
  items: 9,
  costMicros: 0,
  reservedTokens: 0,
  reservedImages: 0,
  reservedVideoSeconds: 0,
  reservedCostMicros: 0,
};

describe("usageBars", () => {
  it("adds input and output tokens against the token limit", () => {
    const [tokens] = usageBars(usage, limits);
    expect(tokens.used).toBe(1_200);
    expect(tokens.text).toBe("1,200 of 2,000,000 tokens");
    expect(tokens.level).toBe("ok");
  });

  it("warns near the limit and says when it is reached", () => {
    const [, images, video] = usageBars(usage, limits);
    expect(images.percent).toBe(90);
    expect(images.level).toBe("high");
    expect(video.level).toBe("full");
    expect(video.percent).toBe(100);
  });

  it("keeps the bar inside 100 when usage passes the limit", () => {
    const [, images] = usageBars({ ...usage, images: 900 }, limits);
    expect(images.percent).toBe(100);
    expect(images.text).toBe("900 of 500 images");
  });

  it("counts what running jobs hold against the limit and says so", () => {
    const [, images] = usageBars({ ...usage, images: 300, reservedImages: 200 }, limits);
    expect(images.reserved).toBe(200);
    expect(images.percent).toBe(100);
    expect(images.level).toBe("full");
    expect(images.text).toBe("300 of 500 images (200 held for jobs running)");
  });

  it("shows nothing when the server sent no usage", () => {
    expect(usageBars(undefined, limits)).toEqual([]);
  });
});

describe("formatMicros", () => {
  it("writes dollars and cents", () => {
    expect(formatMicros(40_000)).toBe("$0.04");
    expect(formatMicros(12_345_678)).toBe("$12.35");
    expect(formatMicros(0)).toBe("$0.00");
    expect(formatMicros(120)).toBe("less than $0.01");
  });
});

describe("periodName", () => {
  it("names the month", () => {
    expect(periodName("2026-11")).toBe("November 2026");
  });
});

describe("usageSummary", () => {
  it("lists only what was used", () => {
    expect(usageSummary({ ...usage, images: 1, videoSeconds: 0, items: 3, costMicros: 80_000 })).toBe(
      "3 items · 1,200 tokens · 1 image · about $0.08",
    );
  });

  it("says when nothing was made", () => {
    expect(usageSummary({ ...usage, items: 0 })).toBe("Nothing generated yet this month.");
    expect(usageSummary(undefined)).toBe("Nothing generated yet this month.");
  });
});
