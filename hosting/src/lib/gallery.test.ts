import { describe, expect, it } from "vitest";
import { decodeBlurHash, formatDuration, stepIndex, thumbnailBox } from "./gallery";

const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";
const encode = (value: number, length: number) =>
  Array.from({ length }, (_, k) => DIGITS[Math.floor(value / 83 ** (length - 1 - k)) % 83]).join("");

describe("stepIndex", () => {
  it("moves with the arrows and wraps around", () => {
    expect(stepIndex(0, 3, "ArrowRight")).toBe(1);
    expect(stepIndex(2, 3, "ArrowRight")).toBe(0);
    expect(stepIndex(0, 3, "ArrowLeft")).toBe(2);
    expect(stepIndex(1, 3, "End")).toBe(2);
    expect(stepIndex(1, 3, "Home")).toBe(0);
  });

  it("ignores other keys and empty galleries", () => {
    expect(stepIndex(1, 3, "a")).toBeNull();
    expect(stepIndex(0, 0, "ArrowRight")).toBeNull();
  });
});

describe("thumbnailBox", () => {
  it("fits the picture's shape into the thumbnail size", () => {
    expect(thumbnailBox(2048, 1024)).toEqual({ width: 256, height: 128 });
    expect(thumbnailBox(100, 200)).toEqual({ width: 100, height: 200 });
    expect(thumbnailBox(null, 300)).toEqual({ width: 256, height: 256 });
  });
});

describe("formatDuration", () => {
  it("writes minutes and seconds", () => {
    expect(formatDuration(5)).toBe("0:05");
    expect(formatDuration(83.6)).toBe("1:24");
    expect(formatDuration(undefined)).toBe("");
  });
});

describe("decodeBlurHash", () => {
  it("paints a hash of one colour in that colour everywhere", () => {
    const hash = encode(0, 1) + encode(0, 1) + encode(0xa0b1c2, 4);
    const pixels = decodeBlurHash(hash, 4, 3)!;
    expect(pixels).toHaveLength(4 * 3 * 4);
    for (let at = 0; at < pixels.length; at += 4) {
      expect([pixels[at], pixels[at + 1], pixels[at + 2], pixels[at + 3]]).toEqual([0xa0, 0xb1, 0xc2, 255]);
    }
  });

  it("makes one side lighter than the other for a horizontal component", () => {
    // Two components across (size flag 1), the second pushing red, green and blue up on the left.
    const ac = 18 * 361 + 18 * 19 + 18;
    const hash = encode(1, 1) + encode(40, 1) + encode(0x808080, 4) + encode(ac, 2);
    const pixels = decodeBlurHash(hash, 8, 1)!;
    expect(pixels[0]).toBeGreaterThan(pixels[7 * 4]);
  });

  it("refuses what isn't a hash", () => {
    expect(decodeBlurHash("", 4, 4)).toBeNull();
    expect(decodeBlurHash("LEHV6nWB2yk8pyo0adR*.7kCMdnj", 4, 4)).not.toBeNull();
    expect(decodeBlurHash("LEHV6nWB2yk8", 4, 4)).toBeNull();
    expect(decodeBlurHash("LEHV6nWB2yk8pyo0adR*.7kCMdn\"", 4, 4)).toBeNull();
  });
});
