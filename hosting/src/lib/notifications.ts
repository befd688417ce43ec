// How the header's bell tells the number of unread notifications: in words for screen readers,
// and as a short badge (the server counts exactly up to 99 and then says there are more).

/** The bell's accessible name. */
export function unreadLabel(count: number, more: boolean): string {
  if (count <= 0 && !more) return "Notifications, none unread";
  return `Notifications, ${more ? "more than 99" : count} unread`;
}

/** The badge's text; empty when there is nothing unread. */
export function unreadBadge(count: number, more: boolean): string {
  if (more) return "99+";
  return count > 0 ? String(count) : "";
}
