import { accountProfile, DEMO_ACCOUNT_IDS } from '../oidc/accounts';

/** Mastodon's Account entity for a demo account; ids are small numbers, as on a young instance. */
export function accountEntity(accountId: string, origin: string) {
  const profile = accountProfile(accountId);
  const index = DEMO_ACCOUNT_IDS.indexOf(accountId);
  if (!profile || index < 0) return undefined;
  const { host } = new URL(origin);
  return {
    id: String(index + 1),
    username: accountId,
    acct: accountId,
    display_name: String(profile.name ?? accountId),
    locked: false,
    bot: false,
    discoverable: false,
    group: false,
    created_at: '2024-01-01T00:00:00.000Z',
    note: `<p>A demo account of the OAuth2 Playground at ${host}.</p>`,
    url: `${origin}/@${accountId}`,
    uri: `${origin}/users/${accountId}`,
    avatar: `${origin}/avatar.svg`,
    avatar_static: `${origin}/avatar.svg`,
    header: `${origin}/header.svg`,
    header_static: `${origin}/header.svg`,
    followers_count: 0,
    following_count: 0,
    statuses_count: 0,
    last_status_at: null,
    emojis: [],
    fields: [],
  };
}

export type AccountEntity = NonNullable<ReturnType<typeof accountEntity>>;

/** verify_credentials adds what only the owner sees: the source of their profile. */
export function credentialAccount(accountId: string, origin: string, statusesCount: number) {
  const account = accountEntity(accountId, origin);
  if (!account) return undefined;
  return {
    ...account,
    statuses_count: statusesCount,
    source: {
      privacy: 'public',
      sensitive: false,
      language: 'en',
      note: '',
      fields: [],
      follow_requests_count: 0,
    },
  };
}
