/**
 * Which outcomes the learner has seen per attack, in this browser only (localStorage): the index shows
 * whether each attack was watched succeeding and watched being blocked.
 */
export type Seen = { succeeded?: boolean; blocked?: boolean };

const SEEN_KEY = 'playground:attacks:seen';

export function loadSeen(): Record<string, Seen> {
  try {
    const stored = JSON.parse(localStorage.getItem(SEEN_KEY) ?? '{}') as unknown;
    return stored && typeof stored === 'object' ? (stored as Record<string, Seen>) : {};
  } catch {
    return {};
  }
}

export function markSeen(slug: string, outcome: 'succeeded' | 'blocked') {
  const seen = loadSeen();
  if (seen[slug]?.[outcome]) return;
  localStorage.setItem(SEEN_KEY, JSON.stringify({ ...seen, [slug]: { ...seen[slug], [outcome]: true } }));
}
