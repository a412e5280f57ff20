import { z } from 'zod/mini';
import { parseStored } from '@/lib/stored-json';

/**
 * Which outcomes the learner has seen per attack, in this browser only (localStorage): the index shows
 * whether each attack was watched succeeding and watched being blocked.
 */
const seen = z.object({ succeeded: z.optional(z.boolean()), blocked: z.optional(z.boolean()) });
export type Seen = z.infer<typeof seen>;
const seenPerAttack = z.record(z.string(), seen);

const SEEN_KEY = 'playground:attacks:seen';

/** One attack's outcomes, kept as JSON text; text of another shape is nothing seen. */
export const parseSeen = (text: string): Seen => parseStored(text, seen) ?? {};

export function loadSeen(): Record<string, Seen> {
  return parseStored(localStorage.getItem(SEEN_KEY), seenPerAttack) ?? {};
}

export function markSeen(slug: string, outcome: 'succeeded' | 'blocked') {
  const seen = loadSeen();
  if (seen[slug]?.[outcome]) return;
  localStorage.setItem(SEEN_KEY, JSON.stringify({ ...seen, [slug]: { ...seen[slug], [outcome]: true } }));
}
