/**
 * Mastodon's OAuth scopes and their hierarchy: `read` covers every `read:*`, `write` every `write:*`.
 * `profile` is left to OpenID Connect here (the same word, the same meaning: who you are).
 */
const READ = [
  'accounts',
  'blocks',
  'bookmarks',
  'favourites',
  'filters',
  'follows',
  'lists',
  'mutes',
  'notifications',
  'search',
  'statuses',
];
const WRITE = [
  'accounts',
  'blocks',
  'bookmarks',
  'conversations',
  'favourites',
  'filters',
  'follows',
  'lists',
  'media',
  'mutes',
  'notifications',
  'reports',
  'statuses',
];

export const MASTODON_SCOPES: readonly string[] = [
  'read',
  'write',
  'follow',
  'push',
  ...READ.map((name) => `read:${name}`),
  ...WRITE.map((name) => `write:${name}`),
];

/** True when the granted scopes include `required` itself or the scope that covers it. */
export function scopeCovers(granted: Iterable<string>, required: string): boolean {
  const set = new Set(granted);
  if (set.has(required)) return true;
  const [parent] = required.split(':');
  return required.includes(':') && parent !== undefined && set.has(parent);
}

/** Scopes a Mastodon app may register and ask for here: Mastodon's, with `profile` (4.3+). */
export const APP_SCOPES: ReadonlySet<string> = new Set([...MASTODON_SCOPES, 'profile']);

export const parseScopes = (value: string | undefined): string[] => [
  ...new Set((value ?? '').split(/\s+/).filter(Boolean)),
];

/** Everything a token of an app registered with `scopes` may carry: `read` lets it ask for `read:statuses`. */
export function expandScopes(scopes: Iterable<string>): string[] {
  const expanded = new Set<string>();
  for (const scope of scopes) {
    expanded.add(scope);
    for (const child of MASTODON_SCOPES) if (child.startsWith(`${scope}:`)) expanded.add(child);
  }
  return [...expanded];
}
