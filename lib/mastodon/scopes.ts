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
