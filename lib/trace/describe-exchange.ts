import { ATTACKER, PARTY_HEADER } from '../attacks/party';
import { ON_BEHALF_HEADER } from '../http/on-behalf-header';
import type { Channel, HeaderList, Role } from './types';
import { jwtHeader } from '../tokens/jwt-parts';
import { formIn, headerIn } from './exchange';

/**
 * What a request itself shows about who sent it and what it carries, read from its headers and body
 * rather than written beside it: the step texts, the request preview and the HTTP log all say it in
 * these words, so none of them can claim a secret, a sender or a host the request does not show.
 */
export type WireRequest = {
  url: string;
  headers: HeaderList;
  /** The body as sent (form-urlencoded for OAuth endpoints), or null. */
  body: string | null;
};

/**
 * How the request authenticates: the client secret in HTTP Basic (RFC 6749 §2.3.1) or in the form, a
 * client assertion signed with the client's private key (private_key_jwt) or with its secret
 * (client_secret_jwt; RFC 7523 §2.2, OpenID Connect Core §9), an access token as a Bearer token
 * (RFC 6750 §2.1) or bound with DPoP (RFC 9449), or nothing.
 */
export type Credential =
  | 'client-secret-basic'
  | 'client-secret-post'
  | 'private-key-jwt'
  | 'client-secret-jwt'
  | 'bearer'
  | 'dpop'
  | 'dpop-proof'
  | 'none';

/** The browser (a navigation, or a fetch by code running in it), or the playground's own server. */
export type Sender = 'browser' | 'server';

const header = headerIn;

/** RFC 7523 §2.2: the client_assertion_type of a JWT client assertion. */
export const JWT_BEARER_CLIENT_ASSERTION = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** The `alg` in a JWT's header, when the value is a JWT at all. */
function algOf(jwt: string): string | undefined {
  const alg = jwtHeader(jwt)?.alg;
  return typeof alg === 'string' ? alg : undefined;
}

/** A client assertion is keyed by its signature: HMAC with the secret, or a private key (anything else). */
function assertionCredential(assertion: string): Credential {
  return algOf(assertion)?.startsWith('HS') ? 'client-secret-jwt' : 'private-key-jwt';
}

export function credentialOf(request: Pick<WireRequest, 'headers' | 'body'>): Credential {
  const scheme = header(request.headers, 'authorization')?.split(' ')[0]?.toLowerCase();
  if (scheme === 'basic') return 'client-secret-basic';
  if (scheme === 'bearer') return 'bearer';
  if (scheme === 'dpop') return 'dpop';
  const form = formIn(request);
  // The assertion type declares the method (RFC 7521 §4.2); the assertion's alg says which key signed it.
  if (form?.get('client_assertion_type') === JWT_BEARER_CLIENT_ASSERTION)
    return assertionCredential(form.get('client_assertion') ?? '');
  if (form?.get('client_secret')) return 'client-secret-post';
  // A public client's token request with a DPoP proof (RFC 9449 §5): bound to a key, still no secret.
  return header(request.headers, 'dpop') ? 'dpop-proof' : 'none';
}

/**
 * A pushed authorization request (RFC 9126 §2.1): the authorization request's parameters, response_type
 * among them, POSTed by the client over the back channel instead of carried by the browser.
 */
export const pushesAuthorizationRequest = (request: Pick<WireRequest, 'body'>, channel: Channel) =>
  channel === 'back' && formIn(request)?.has('response_type') === true;

/**
 * The playground's server vouches for the learner in a signed header on every call it makes for them
 * (lib/http/on-behalf.ts); a browser cannot produce one, so its presence names the sender.
 */
export const senderOf = (request: Pick<WireRequest, 'headers'>): Sender =>
  header(request.headers, ON_BEHALF_HEADER) ? 'server' : 'browser';

export const originOf = (request: Pick<WireRequest, 'url'>) => new URL(request.url).origin;

export const carriesClientSecret = (credential: Credential) =>
  credential === 'client-secret-basic' || credential === 'client-secret-post';

const CARRIES: Record<Credential, string> = {
  'client-secret-basic': 'with the client secret (HTTP Basic)',
  'client-secret-post': 'with the client secret in the form',
  'private-key-jwt': 'with a signed client assertion (private_key_jwt), no client secret',
  'client-secret-jwt': 'with a client assertion signed with the client secret (client_secret_jwt)',
  bearer: 'with the access token as a Bearer token, no client secret',
  dpop: 'with a DPoP-bound access token, no client secret',
  'dpop-proof': 'with a DPoP proof, no client secret',
  none: 'with no client secret',
};

export type ExchangeFacts = {
  from: Role;
  channel: Channel;
  sender: Sender;
  credential: Credential;
  /** It pushes an authorization request (PAR, RFC 9126). */
  pushed?: boolean;
  /** Sent by the attack lab's attacker (its server, or a page playing the thief), whose requests say so in a header (lib/attacks/party.ts). */
  attacker?: boolean;
};

/** "Sent by" in words, from the facts alone. */
export function sentBy({ from, channel, sender, credential, pushed, attacker }: ExchangeFacts): string {
  if (channel === 'front') return 'The browser, sent there by a redirect or a link (front channel)';
  const who = attacker
    ? sender === 'server'
      ? 'The attacker’s server'
      : 'The attacker, played here by this browser'
    : from === 'resource-server'
      ? 'The resource server, on the playground’s server'
      : sender === 'server'
        ? from === 'client'
          ? 'The client’s backend, on the playground’s server'
          : 'The playground’s server'
        : from === 'client'
          ? 'The client running in this browser'
          : 'This browser';
  const pushing = pushed ? 'pushing the authorization request (PAR, RFC 9126), ' : '';
  return `${who} (back channel), ${pushing}${CARRIES[credential]}`;
}

/** The facts of a request as it was recorded (or is about to be sent). */
export const factsOf = (
  request: WireRequest,
  roles: { from: Role; channel: Channel },
  sender: Sender = senderOf(request),
): ExchangeFacts => ({
  ...roles,
  sender,
  credential: credentialOf(request),
  pushed: pushesAuthorizationRequest(request, roles.channel),
  ...(header(request.headers, PARTY_HEADER) === ATTACKER ? { attacker: true } : {}),
});
