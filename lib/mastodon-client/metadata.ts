import type { OAuthError } from '../walkthrough/types';
import { isLoopbackHost } from './address';

/**
 * What an instance's authorization server metadata may point the browser at. The document comes from a
 * server the learner named, so none of it is trusted as it is: every endpoint must be an https URL
 * (plain http only on loopback, where the tests run their instance), the authorization endpoint, where
 * the learner signs in, must be on the instance itself, and `issuer` must be the instance
 * (RFC 8414 §3.3), so that a document copied from elsewhere cannot send the learner to someone else's
 * sign-in page. A `javascript:` endpoint must never become a navigation target.
 */
export type CheckedEndpoint = { ok: true; url: string } | { ok: false; error: OAuthError };

const refuse = (error_description: string): { ok: false; error: OAuthError } => ({
  ok: false,
  error: { error: 'invalid_metadata', error_description },
});

/** An http(s) URL the browser may be sent to or fetch from: https, or http on loopback. */
export function isSecureEndpoint(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

/** A URL that is only ever an ordinary web address: no `javascript:`, `data:` or other scheme. */
export const isWebUrl = (value: string) =>
  URL.canParse(value) && ['https:', 'http:'].includes(new URL(value).protocol);

/**
 * One endpoint of the metadata. `sameOrigin` for the endpoints that must be on the instance itself
 * (the authorization endpoint: the learner signs in there).
 */
export function checkEndpoint(
  name: string,
  value: unknown,
  instance: string,
  { sameOrigin = false } = {},
): CheckedEndpoint {
  const shown = JSON.stringify(value);
  if (typeof value !== 'string' || !URL.canParse(value))
    return refuse(`This instance's metadata gives ${name} as ${shown}, which is not an absolute URL.`);
  const url = new URL(value);
  if (!isSecureEndpoint(url))
    return refuse(
      `This instance's metadata points ${name} at ${shown}, which is not an https:// URL (http:// is allowed only on localhost). The flow stops here: it would send your browser, your code or your token there.`,
    );
  if (url.username || url.password)
    return refuse(`This instance's metadata points ${name} at a URL with a user name or password in it.`);
  if (sameOrigin && url.origin !== instance)
    return refuse(
      `This instance's metadata points ${name} at ${shown}, which is not on ${instance}. You would sign in on another site, so the flow stops here.`,
    );
  return { ok: true, url: url.href };
}

/**
 * RFC 8414 §3.3: the `issuer` in the document must be the one the client built the metadata URL from:
 * the instance's origin (Mastodon writes it with a trailing slash, `https://host/`).
 */
export function checkIssuer(issuer: unknown, instance: string): OAuthError | undefined {
  if (issuer === instance || issuer === `${instance}/`) return undefined;
  return {
    error: 'invalid_metadata',
    error_description: `This instance's metadata names its issuer ${JSON.stringify(issuer)}, but it was fetched from ${instance} (RFC 8414 §3.3 requires them to match). The document may belong to another server; if your account's address differs from the instance's web address, enter the web address instead.`,
  };
}

const OPTIONAL_ENDPOINTS = ['token_endpoint', 'revocation_endpoint', 'app_registration_endpoint'] as const;

/**
 * The endpoints of a metadata document, checked, as the flow's values (an endpoint the document leaves
 * out stays empty: the flow then uses Mastodon's well-known path on the instance). The first problem,
 * as the step's error.
 */
export function checkedEndpoints(
  body: Record<string, unknown>,
  instance: string,
): { ok: true; endpoints: Record<string, string> } | { ok: false; error: OAuthError } {
  const issuerProblem = checkIssuer(body.issuer, instance);
  if (issuerProblem) return { ok: false, error: issuerProblem };
  const authorization = checkEndpoint('the authorization endpoint', body.authorization_endpoint, instance, {
    sameOrigin: true,
  });
  if (!authorization.ok) return authorization;
  const endpoints: Record<string, string> = { authorization_endpoint: authorization.url };
  for (const name of OPTIONAL_ENDPOINTS) {
    if (body[name] === undefined || body[name] === null) {
      endpoints[name] = '';
      continue;
    }
    const checked = checkEndpoint(name, body[name], instance);
    if (!checked.ok) return checked;
    endpoints[name] = checked.url;
  }
  return { ok: true, endpoints };
}
