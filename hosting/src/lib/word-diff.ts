// A word-level comparison of two texts, for showing what changed between two versions.
// Whitespace runs are tokens of their own, so joining the parts gives back either text exactly.

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

/** Above this many table cells (changed words of one text × of the other) the middle is shown as replaced. */
const MAX_CELLS = 4_000_000;

/** Splits a text into words and whitespace runs, keeping every character. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/**
 * The parts that turn `before` into `after`: unchanged runs, words removed and words added,
 * adjacent parts of one kind merged. Removed parts come before the added parts they replace.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  // Edits are usually local: set the common start and end aside so the table stays small.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, "same", a.slice(0, start));
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  if (middleA.length * middleB.length > MAX_CELLS) {
    push(parts, "removed", middleA);
    push(parts, "added", middleB);
  } else {
    for (const part of middle(middleA, middleB)) push(parts, part.kind, [part.text]);
  }
  push(parts, "same", a.slice(endA));
  return parts;
}

/** Longest common subsequence of two token lists, walked forward into parts. */
function middle(a: string[], b: string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  // lengths[i * width + j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1] + 1
          : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const out: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: "same", text: a[i] });
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
      out.push({ kind: "removed", text: a[i++] });
    } else {
      out.push({ kind: "added", text: b[j++] });
    }
  }
  while (i < n) out.push({ kind: "removed", text: a[i++] });
  while (j < m) out.push({ kind: "added", text: b[j++] });
  return reorder(out);
}

/**
 * Within each changed stretch, puts the removed words before the added ones, so it reads as a
 * replacement. A single space between two replaced words joins the replacement on both sides
 * ("~~a b~~ c d" rather than "~~a~~ c ~~b~~ d").
 */
function reorder(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let removed: DiffPart[] = [];
  let added: DiffPart[] = [];
  const flush = () => {
    out.push(...removed, ...added);
    removed = [];
    added = [];
  };
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k];
    if (part.kind === "removed") removed.push(part);
    else if (part.kind === "added") added.push(part);
    else if (isSpace(part.text) && removed.length > 0 && added.length > 0 && isChange(parts[k + 1])) {
      removed.push({ kind: "removed", text: part.text });
      added.push({ kind: "added", text: part.text });
    } else {
      flush();
      out.push(part);
    }
  }
  flush();
  return out;
}

function isSpace(text: string): boolean {
  return /^\s+$/.test(text);
}

function isChange(part: DiffPart | undefined): boolean {
  return part !== undefined && part.kind !== "same";
}

function push(parts: DiffPart[], kind: DiffPart["kind"], tokens: string[]): void {
  if (tokens.length === 0) return;
  const text = tokens.join("");
  if (text === "") return;
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/** How much changed, in words (whitespace not counted). */
export function diffStats(parts: DiffPart[]): { added: number; removed: number } {
  const words = (text: string) => tokenize(text).filter((token) => !isSpace(token)).length;
  let added = 0;
  let removed = 0;
  for (const part of parts) {
    if (part.kind === "added") added += words(part.text);
    if (part.kind === "removed") removed += words(part.text);
  }
  return { added, removed };
}

/** Puts the parts back together: "before" gives the old text, "after" the new. */
export function sideOf(parts: DiffPart[], side: "before" | "after"): string {
  const skip = side === "before" ? "added" : "removed";
  return parts
    .filter((part) => part.kind !== skip)
    .map((part) => part.text)
    .join("");
}
