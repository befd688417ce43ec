// Anchors of comments in a text: which stretches of a version's text to mark, and the anchor a
// selection in that text makes. Offsets are UTF-16 code units into the raw text, as the API's are.

/** A passage a thread points at, as the API placed it in the shown version. */
export interface Marked {
  id: string;
  start: number;
  end: number;
}

/** One stretch of the text: plain, or marked for the threads listed (oldest first). */
export interface Segment {
  text: string;
  start: number;
  threads: string[];
}

/**
 * Cuts `text` into stretches so that each is covered by the same threads throughout: marked
 * passages that overlap give a stretch marked for both. Passages outside the text are clipped,
 * empty ones left out.
 */
export function segments(text: string, marks: Marked[]): Segment[] {
  const usable = marks
    .map((m) => ({ id: m.id, start: Math.max(0, m.start), end: Math.min(text.length, m.end) }))
    .filter((m) => m.end > m.start);
  const cuts = new Set<number>([0, text.length]);
  for (const m of usable) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const threads = usable.filter((m) => m.start <= start && m.end >= end).map((m) => m.id);
    const last = out[out.length - 1];
    if (last && sameThreads(last.threads, threads)) {
      last.text += text.slice(start, end);
    } else {
      out.push({ text: text.slice(start, end), start, threads });
    }
  }
  return out;
}

function sameThreads(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** A text anchor as the API takes it. */
export interface TextAnchor {
  type: "text";
  quote: string;
  start: number;
  end: number;
}

/**
 * The anchor of a selection from `start` to `end` (either order) in `text`, without the white
 * space at its edges; null when nothing but white space is selected. Long selections are cut to
 * the API's 2000 characters.
 */
export function selectionAnchor(text: string, start: number, end: number): TextAnchor | null {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  if (to <= from) return null;
  to = Math.min(to, from + 2000);
  return { type: "text", quote: text.slice(from, to), start: from, end: to };
}

/** A point anchor from a press at (`x`, `y`) on a picture laid out in `box`: fractions from 0 to 1. */
export function pointAnchor(box: { left: number; top: number; width: number; height: number }, x: number, y: number) {
  const clamp = (v: number) => Math.min(1, Math.max(0, Math.round(v * 10_000) / 10_000));
  return { type: "point" as const, x: clamp((x - box.left) / (box.width || 1)), y: clamp((y - box.top) / (box.height || 1)) };
}
