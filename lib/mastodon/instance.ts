/** The version Mastodon clients see: a 4.3 server (PKCE, granular scopes, `profile`, app arrays). */
export const MASTODON_VERSION = '4.3.0';

const DESCRIPTION =
  'A Mastodon-compatible sandbox inside the OAuth2 Playground: register an app, authorize, post a first toot.';

export function instanceV1(origin: string) {
  const { host } = new URL(origin);
  return {
    uri: host,
    title: 'OAuth2 Playground',
    short_description: DESCRIPTION,
    description: DESCRIPTION,
    email: 'playground@example.com',
    version: MASTODON_VERSION,
    urls: { streaming_api: origin.replace(/^http/, 'ws') },
    stats: { user_count: 2, status_count: 0, domain_count: 1 },
    thumbnail: null,
    languages: ['en'],
    registrations: false,
    approval_required: false,
    invites_enabled: false,
    configuration: {
      accounts: { max_featured_tags: 0 },
      statuses: { max_characters: 500, max_media_attachments: 0, characters_reserved_per_url: 23 },
      media_attachments: { supported_mime_types: [], image_size_limit: 0, video_size_limit: 0 },
      polls: { max_options: 0, max_characters_per_option: 0, min_expiration: 0, max_expiration: 0 },
    },
    contact_account: null,
    rules: [],
  };
}

export function instanceV2(origin: string) {
  const { host } = new URL(origin);
  return {
    domain: host,
    title: 'OAuth2 Playground',
    version: MASTODON_VERSION,
    source_url: 'https://github.com/mastodon/mastodon',
    description: DESCRIPTION,
    usage: { users: { active_month: 2 } },
    thumbnail: { url: `${origin}/header.svg` },
    languages: ['en'],
    configuration: {
      urls: { streaming: origin.replace(/^http/, 'ws') },
      accounts: { max_featured_tags: 0, max_pinned_statuses: 0 },
      statuses: { max_characters: 500, max_media_attachments: 0, characters_reserved_per_url: 23 },
      media_attachments: { supported_mime_types: [], image_size_limit: 0, video_size_limit: 0 },
      polls: { max_options: 0, max_characters_per_option: 0, min_expiration: 0, max_expiration: 0 },
      translation: { enabled: false },
    },
    registrations: { enabled: false, approval_required: false, message: null },
    api_versions: { mastodon: 2 },
    contact: { email: 'playground@example.com', account: null },
    rules: [],
  };
}
