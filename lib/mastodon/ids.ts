let last = 0;

/**
 * Mastodon-style ids: numeric strings that sort by creation time (milliseconds times 1000, plus a
 * counter), 16 digits, so that string order is numeric order and Redis scores hold them exactly.
 */
export function nextId(now = Date.now()): string {
  last = Math.max(now * 1000, last + 1);
  return String(last);
}
