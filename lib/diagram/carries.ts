import { credentialOf } from '../trace/describe-exchange';
import type { RecordedMessage, TraceEvent } from '../trace/types';
import { headerIn } from '../trace/exchange';
import { jsonObjectOf } from '../walkthrough/response-bodies';
import { parseCookie } from 'cookie';

/**
 * What an exchange carries, in a few words, read from the recorded request and response only: the
 * parameters and credentials actually on the wire, never a sentence written for a step. The diagram
 * labels its hops with these; the HTTP log may reuse them.
 */

const header = headerIn;

// Parameters worth naming, most telling first. Wire names keep their RFC spelling (RFC 6749, 7636, 8628).
const NOTABLE: Array<[parameter: string, words: string]> = [
  ['code', 'code'],
  ['code_verifier', 'code_verifier'],
  ['refresh_token', 'refresh token'],
  ['device_code', 'device_code'],
  ['username', 'username'],
  ['password', 'password'],
  ['token', 'token'],
  ['client_secret', 'client_secret'],
  ['client_assertion', 'signed client_assertion'],
  ['code_challenge', 'code_challenge'],
  ['response_type', 'response_type'],
  ['scope', 'scope'],
  ['status', 'status text'],
];
const MAX_PARTS = 3;

const isForm = (message: RecordedMessage) =>
  (header(message.headers, 'content-type') ?? '').startsWith('application/x-www-form-urlencoded');
const isJson = (message: RecordedMessage) => /\bjson\b/.test(header(message.headers, 'content-type') ?? '');

function jsonBody(message: RecordedMessage): Record<string, unknown> | undefined {
  if (message.bodyEncoding !== 'utf8' || !message.body || message.truncated) return undefined;
  try {
    return jsonObjectOf(JSON.parse(message.body));
  } catch {
    return undefined;
  }
}

/** The parameter names a request sends: its query, and its form or JSON body. */
function requestParameters(event: Omit<TraceEvent, 'from' | 'to'>): Set<string> {
  const names = new Set(new URL(event.request.url).searchParams.keys());
  const { request } = event;
  if (request.body && request.bodyEncoding === 'utf8') {
    if (isForm(request)) for (const name of new URLSearchParams(request.body).keys()) names.add(name);
    else if (isJson(request)) for (const name of Object.keys(jsonBody(request) ?? {})) names.add(name);
  }
  return names;
}

const list = (parts: string[]) =>
  parts.length > MAX_PARTS ? `${parts.slice(0, MAX_PARTS).join(' + ')} + …` : parts.join(' + ');

/**
 * What a request sends: its telling parameters and the credential in its Authorization header
 * (RFC 6749 section 2.3.1 for Basic, RFC 6750 section 2.1 for Bearer), e.g. "code + code_verifier +
 * client secret (Basic)", "access token (Bearer)".
 */
export function requestCarries(event: Omit<TraceEvent, 'from' | 'to'>): string {
  const names = requestParameters(event);
  const parts = NOTABLE.filter(([name]) => names.has(name)).map(([, words]) => words);
  const credential = credentialOf(event.request);
  if (credential === 'client-secret-basic') parts.push('client secret (Basic)');
  else if (credential === 'bearer') parts.unshift('access token (Bearer)');
  else if (credential === 'dpop') parts.unshift('access token (DPoP)');
  else if (credential === 'dpop-proof') parts.push('DPoP proof');
  if (readsServerCookies(new URL(event.request.url).pathname))
    parts.push(...serverCookies(header(event.request.headers, 'cookie')));
  if (parts.length) return list(parts);
  return event.request.body ? 'a body' : 'no parameters';
}

// oidc-provider's own cookies (its defaults): the browser's sign-in session and the pending interaction.
// The playground's bookkeeping cookies (learner, run) are not part of the protocol and go unnamed.
const SERVER_COOKIES: Array<[name: RegExp, words: string]> = [
  [/^_session(\.|$)/, 'session cookie'],
  [/^_interaction(_resume)?(\.|$)/, 'interaction cookie'],
];

/**
 * The endpoints that read those cookies: the authorization endpoint and its resume path, the device
 * verification pages, the end-session endpoint, and the sign-in and consent pages. The browser sends the
 * session cookie to every path of the origin (the token endpoint, userinfo, the JWKS, the API), but those
 * ignore it: a token request is authenticated by what it carries, so an arrow names a cookie only where it
 * counts (a device's token request never has the user's session behind it).
 */
export const readsServerCookies = (pathname: string) =>
  /^\/(oidc\/(auth|device|session)(\/|$)|interaction\/)/.test(pathname);

function serverCookies(cookie: string | undefined): string[] {
  const names = Object.keys(parseCookie(cookie ?? ''));
  return SERVER_COOKIES.filter(([pattern]) => names.some((name) => pattern.test(name))).map(
    ([, words]) => words,
  );
}

/** "/callback?code=…": a redirect's target with its values elided, the first telling parameter kept. */
export function elideUrl(location: string, base: string): string {
  const url = new URL(location, base);
  const sameOrigin = url.origin === new URL(base).origin;
  const name = (params: URLSearchParams) =>
    NOTABLE.map(([parameter]) => parameter).find((parameter) => params.has(parameter)) ??
    ['access_token', 'id_token', 'error'].find((parameter) => params.has(parameter)) ??
    [...params.keys()][0];
  const query = name(url.searchParams);
  const fragment = name(new URLSearchParams(url.hash.slice(1)));
  const path = url.pathname.length > 28 ? `${url.pathname.slice(0, 22)}…` : url.pathname;
  return `${sameOrigin ? '' : url.host}${path}${query ? `?${query}=…` : ''}${fragment ? `#${fragment}=…` : ''}`;
}

const TOKENS: Array<[field: string, words: string]> = [
  ['access_token', 'access token'],
  ['refresh_token', 'refresh token'],
  ['id_token', 'ID token'],
  ['device_code', 'device_code'],
  ['user_code', 'user_code'],
];

/**
 * What a response brings back: a redirect's target ("303 to /callback?code=…"), the tokens of a token
 * response, an OAuth error code, or the kind of body.
 */
export function responseCarries(event: Omit<TraceEvent, 'from' | 'to'>): string {
  const { response } = event;
  const location = header(response.headers, 'location');
  if (response.status >= 300 && response.status < 400 && location)
    return `${response.status} to ${elideUrl(location, event.request.url)}`;
  const json = isJson(response) ? jsonBody(response) : undefined;
  if (json) {
    if (typeof json.error === 'string') return `${response.status} ${json.error}`;
    const tokens = TOKENS.filter(([field]) => typeof json[field] === 'string').map(([, words]) => words);
    if (tokens.length) return list(tokens);
    if (typeof json.active === 'boolean') return `active: ${json.active}`;
    if (Array.isArray(json.keys)) return 'public keys (JWKS)';
    return `${response.status} JSON`;
  }
  if (/^text\/html/.test(header(response.headers, 'content-type') ?? '')) return `${response.status} a page`;
  return response.body ? `${response.status}` : `${response.status}, no body`;
}
