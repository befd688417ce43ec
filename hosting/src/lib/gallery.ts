// The gallery's logic: moving through the viewer with the keyboard, laying out a thumbnail before
// it loads, and a BlurHash placeholder decoded into pixels.

/** The next position in the viewer for a key, or null when the key doesn't move it. Wraps around. */
export function stepIndex(index: number, count: number, key: string): number | null {
  if (count <= 0) return null;
  switch (key) {
    case "ArrowRight":
      return (index + 1) % count;
    case "ArrowLeft":
      return (index - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
  }
  return null;
}

/** A thumbnail's box: the picture's shape fitted into `max` px, so the page doesn't move when it loads. */
export function thumbnailBox(width: number | null | undefined, height: number | null | undefined, max = 256): { width: number; height: number } {
  if (!width || !height || width <= 0 || height <= 0) return { width: max, height: max };
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** "1:23" for a video's length in seconds. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return "";
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

function base83(text: string): number {
  let value = 0;
  for (const char of text) {
    const digit = DIGITS.indexOf(char);
    if (digit < 0) throw new Error("not base 83");
    value = value * 83 + digit;
  }
  return value;
}

function toLinear(channel: number): number {
  const v = channel / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

function toSrgb(linear: number): number {
  const v = Math.max(0, Math.min(1, linear));
  return Math.round((v <= 0.0031308 ? v * 12.92 : 1.055 * v ** (1 / 2.4) - 0.055) * 255);
}

/**
 * Decodes a BlurHash into `width` × `height` RGBA pixels, or null when the text isn't a valid hash.
 * The hash holds a few cosine components per axis; each pixel sums them.
 */
export function decodeBlurHash(hash: string | null | undefined, width: number, height: number): Uint8ClampedArray | null {
  if (!hash || hash.length < 6) return null;
  try {
    const sizeFlag = base83(hash[0]);
    const countY = Math.floor(sizeFlag / 9) + 1;
    const countX = (sizeFlag % 9) + 1;
    if (hash.length !== 4 + 2 * countX * countY) return null;
    const maxAc = (base83(hash[1]) + 1) / 166;
    const dc = base83(hash.slice(2, 6));
    const colors: [number, number, number][] = [[toLinear(dc >> 16), toLinear((dc >> 8) & 255), toLinear(dc & 255)]];
    for (let i = 1; i < countX * countY; i++) {
      const value = base83(hash.slice(4 + i * 2, 6 + i * 2));
      const channel = (q: number) => {
        const v = (q - 9) / 9;
        return Math.sign(v) * v * v * maxAc;
      };
      colors.push([channel(Math.floor(value / 361)), channel(Math.floor(value / 19) % 19), channel(value % 19)]);
    }
    const pixels = new Uint8ClampedArray(width * height * 4);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let r = 0;
        let g = 0;
        let b = 0;
        for (let j = 0; j < countY; j++) {
          for (let i = 0; i < countX; i++) {
            const basis = Math.cos((Math.PI * x * i) / width) * Math.cos((Math.PI * y * j) / height);
            const color = colors[i + j * countX];
            r += color[0] * basis;
            g += color[1] * basis;
            b += color[2] * basis;
          }
        }
        const at = 4 * (x + y * width);
        pixels[at] = toSrgb(r);
        pixels[at + 1] = toSrgb(g);
        pixels[at + 2] = toSrgb(b);
        pixels[at + 3] = 255;
      }
    }
    return pixels;
  } catch {
    return null;
  }
}
