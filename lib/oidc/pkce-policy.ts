import { errors, type Configuration } from 'oidc-provider';

/**
 * PKCE for every client of the authorization code flow, confidential ones too: RFC 9700 §2.1.1
 * recommends it because a client secret does not stop code injection (a stolen code replayed into the
 * client's own callback), and a code_verifier does.
 *
 * The one exception is deliberate: apps registered through the Mastodon-compatible `POST /api/v1/apps`.
 * Mastodon itself takes PKCE as optional (4.3+, S256 only) and real Mastodon clients (megalodon, the
 * out-of-band flow of many apps) do not send it, so requiring it there would make the playground
 * incompatible with the libraries it exists to show. Those apps carry `mastodon_app`, which only that
 * route can set; a code_challenge they do send is still verified.
 */
export const MASTODON_APP = 'mastodon_app';

export const pkceRequired = (client: { metadata(): Record<string, unknown> }) =>
  client.metadata()[MASTODON_APP] !== true;

export const pkce: NonNullable<Configuration['pkce']> = {
  required: (_ctx, client) => pkceRequired(client),
};

/** `mastodon_app` is the server's own mark: a client registering itself at /oidc/reg may not claim it. */
export const extraClientMetadata: NonNullable<Configuration['extraClientMetadata']> = {
  properties: [MASTODON_APP],
  validator(ctx, key, value) {
    if (key !== MASTODON_APP || value === undefined) return;
    if (ctx) throw new errors.InvalidClientMetadata(`${MASTODON_APP} is set only by POST /api/v1/apps`);
    if (value !== true) throw new errors.InvalidClientMetadata(`${MASTODON_APP} must be true`);
  },
};
