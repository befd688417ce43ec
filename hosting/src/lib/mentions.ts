// Mentions in a comment: the @word being typed (for suggestions), putting a chosen member in, and
// the members a body still mentions when it is sent.

/** Someone who may be mentioned: a member of the project. */
export interface Mentionable {
  uid: string;
  name: string;
}

/** The @word at the caret: where its @ is and what follows it so far; null when the caret is not in one. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0) return null;
  if (at > 0 && !/[\s(]/.test(before[at - 1])) return null;
  const query = before.slice(at + 1);
  if (/[\s@]/.test(query) || query.length > 40) return null;
  return { start: at, query };
}

/** Members whose name (or e-mail name) starts a word with `query`, best first, at most `limit`. */
export function suggestions(people: Mentionable[], query: string, limit = 6): Mentionable[] {
  const q = query.toLowerCase();
  const score = (p: Mentionable) => {
    const name = p.name.toLowerCase();
    if (name.startsWith(q)) return 0;
    if (name.split(/[\s.@_-]+/).some((w) => w.startsWith(q))) return 1;
    return name.includes(q) ? 2 : 3;
  };
  return people
    .map((p) => ({ p, s: score(p) }))
    .filter((x) => x.s < 3)
    .sort((a, b) => a.s - b.s || a.p.name.localeCompare(b.p.name))
    .slice(0, limit)
    .map((x) => x.p);
}

/** The mention as written in a body: @ and the name with its spaces kept. */
export function mentionText(person: Mentionable): string {
  return `@${person.name}`;
}

/** `text` with the @word from `start` to `caret` replaced by the person's mention and a space; the new caret. */
export function insertMention(text: string, start: number, caret: number, person: Mentionable): { text: string; caret: number } {
  const inserted = `${mentionText(person)} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}

/**
 * The uids to send as `mentions`: the people chosen while writing whose mention is still in the
 * body (one deleted while editing is not sent), each once, in the order chosen.
 */
export function mentionedUids(body: string, chosen: Mentionable[]): string[] {
  const out: string[] = [];
  for (const p of chosen) {
    if (!out.includes(p.uid) && containsMention(body, p)) out.push(p.uid);
  }
  return out;
}

function containsMention(body: string, p: Mentionable): boolean {
  const mention = mentionText(p);
  let at = body.indexOf(mention);
  while (at >= 0) {
    const next = body[at + mention.length];
    if (next === undefined || !/[\p{L}\p{N}_]/u.test(next)) return true;
    at = body.indexOf(mention, at + 1);
  }
  return false;
}
