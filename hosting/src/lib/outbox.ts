// The development outbox page shows each message's text with its addresses as links, so a
// developer follows an invitation's accept link or a notification's link from there.

/** `text` cut into plain runs and http(s) addresses (an address ends before white space or a closing bracket). */
export function linkify(text: string): { text: string; link: boolean }[] {
  const out: { text: string; link: boolean }[] = [];
  const pattern = /https?:\/\/[^\s<>"')\]]+/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    let url = match[0];
    // A full stop or comma ending a sentence is not part of the address.
    while (/[.,;:!?]$/.test(url)) url = url.slice(0, -1);
    const at = match.index ?? 0;
    if (at > last) out.push({ text: text.slice(last, at), link: false });
    out.push({ text: url, link: true });
    last = at + url.length;
  }
  if (last < text.length) out.push({ text: text.slice(last), link: false });
  return out;
}
