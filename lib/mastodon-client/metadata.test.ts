import { describe, expect, it } from 'vitest';
import { mastodonServerMetadata } from '../mastodon/metadata';
import { checkedEndpoints, checkEndpoint, checkIssuer, isWebUrl } from './metadata';

const INSTANCE = 'https://social.example';
// A real Mastodon-shaped document: the one the playground's own Mastodon-compatible server publishes.
const METADATA = mastodonServerMetadata(INSTANCE);
const descriptionOf = (result: ReturnType<typeof checkedEndpoints>) =>
  result.ok ? undefined : result.error.error_description;

describe('an instance’s endpoints', () => {
  it('accepts https endpoints on the instance', () => {
    expect(checkedEndpoints(METADATA, INSTANCE)).toEqual({
      ok: true,
      endpoints: {
        authorization_endpoint: `${INSTANCE}/oauth/authorize`,
        token_endpoint: `${INSTANCE}/oauth/token`,
        revocation_endpoint: `${INSTANCE}/oauth/revoke`,
        app_registration_endpoint: `${INSTANCE}/api/v1/apps`,
      },
    });
  });

  it('leaves an endpoint the document omits empty, for the well-known path', () => {
    const result = checkedEndpoints({ ...METADATA, token_endpoint: undefined }, INSTANCE);
    expect(result.ok && result.endpoints.token_endpoint).toBe('');
  });

  it('refuses a javascript: authorization endpoint, naming it', () => {
    const result = checkedEndpoints({ ...METADATA, authorization_endpoint: 'javascript:alert(1)' }, INSTANCE);
    expect(result.ok).toBe(false);
    expect(descriptionOf(result)).toContain('points the authorization endpoint at "javascript:alert(1)"');
    expect(descriptionOf(result)).toContain('not an https:// URL');
  });

  it('refuses an authorization endpoint on another origin', () => {
    const result = checkedEndpoints(
      { ...METADATA, authorization_endpoint: 'https://phish.example/oauth/authorize' },
      INSTANCE,
    );
    expect(descriptionOf(result)).toBe(
      `This instance's metadata points the authorization endpoint at "https://phish.example/oauth/authorize", which is not on ${INSTANCE}. You would sign in on another site, so the flow stops here.`,
    );
  });

  it('allows the other endpoints on another https origin (a separate token host is legitimate)', () => {
    const result = checkedEndpoints(
      { ...METADATA, token_endpoint: 'https://api.social.example/token' },
      INSTANCE,
    );
    expect(result.ok && result.endpoints.token_endpoint).toBe('https://api.social.example/token');
  });

  it('refuses a plain-http token endpoint off loopback and a relative one', () => {
    expect(
      descriptionOf(
        checkedEndpoints({ ...METADATA, token_endpoint: 'http://social.example/oauth/token' }, INSTANCE),
      ),
    ).toContain('points token_endpoint at "http://social.example/oauth/token", which is not an https:// URL');
    expect(
      descriptionOf(checkedEndpoints({ ...METADATA, revocation_endpoint: '/oauth/revoke' }, INSTANCE)),
    ).toContain('gives revocation_endpoint as "/oauth/revoke", which is not an absolute URL');
  });

  it('refuses an endpoint that is not a string', () => {
    expect(checkedEndpoints({ ...METADATA, authorization_endpoint: 42 }, INSTANCE).ok).toBe(false);
  });

  it('allows plain http on loopback only: localhost, 127.0.0.1 and [::1]', () => {
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000'])
      expect(checkEndpoint('token_endpoint', `http://${host}/oauth/token`, `http://${host}`).ok).toBe(true);
    expect(checkEndpoint('token_endpoint', 'http://10.0.0.1/oauth/token', INSTANCE).ok).toBe(false);
  });

  it('refuses credentials in an endpoint', () => {
    expect(checkEndpoint('token_endpoint', 'https://u:p@social.example/oauth/token', INSTANCE).ok).toBe(
      false,
    );
  });
});

describe('the issuer (RFC 8414 §3.3)', () => {
  it('must be the instance the document was fetched from, with or without a trailing slash', () => {
    expect(checkIssuer(`${INSTANCE}/`, INSTANCE)).toBeUndefined();
    expect(checkIssuer(INSTANCE, INSTANCE)).toBeUndefined();
  });

  it('refuses another issuer before looking at any endpoint', () => {
    const result = checkedEndpoints({ ...METADATA, issuer: 'https://other.example/' }, INSTANCE);
    expect(result.ok).toBe(false);
    expect(descriptionOf(result)).toContain(
      'names its issuer "https://other.example/", but it was fetched from',
    );
  });

  it('refuses a document without an issuer', () => {
    expect(checkedEndpoints({ ...METADATA, issuer: undefined }, INSTANCE).ok).toBe(false);
  });
});

describe('a navigation target', () => {
  it('is an http(s) URL only', () => {
    expect(isWebUrl('https://social.example/oauth/authorize?x=1')).toBe(true);
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
    expect(isWebUrl('data:text/html,hi')).toBe(false);
    expect(isWebUrl('/relative')).toBe(false);
  });
});
