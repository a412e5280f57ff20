import { ON_BEHALF_HEADER } from '../http/on-behalf-header';
import type { Channel, HeaderList, Role } from './types';

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
 * How the request authenticates: the client secret in HTTP Basic (RFC 6749 §2.3.1) or in the form,
 * an access token as a Bearer token (RFC 6750 §2.1) or bound with DPoP (RFC 9449), or nothing.
 */
export type Credential = 'client-secret-basic' | 'client-secret-post' | 'bearer' | 'dpop' | 'none';

/** The browser (a navigation, or a fetch by code running in it), or the playground's own server. */
export type Sender = 'browser' | 'server';

const header = (headers: HeaderList, name: string) =>
  headers.find(([key]) => key.toLowerCase() === name)?.[1];

export function credentialOf(request: Pick<WireRequest, 'headers' | 'body'>): Credential {
  const scheme = header(request.headers, 'authorization')?.split(' ')[0]?.toLowerCase();
  if (scheme === 'basic') return 'client-secret-basic';
  if (scheme === 'bearer') return 'bearer';
  if (scheme === 'dpop') return 'dpop';
  const form = request.body && !request.body.startsWith('{') ? new URLSearchParams(request.body) : undefined;
  return form?.get('client_secret') ? 'client-secret-post' : 'none';
}

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
  bearer: 'with the access token as a Bearer token, no client secret',
  dpop: 'with a DPoP-bound access token, no client secret',
  none: 'with no client secret',
};

export type ExchangeFacts = { from: Role; channel: Channel; sender: Sender; credential: Credential };

/** "Sent by" in words, from the facts alone. */
export function sentBy({ from, channel, sender, credential }: ExchangeFacts): string {
  if (channel === 'front') return 'The browser, sent there by a redirect or a link (front channel)';
  const who =
    from === 'resource-server'
      ? 'The resource server, on the playground’s server'
      : sender === 'server'
        ? from === 'client'
          ? 'The client’s backend, on the playground’s server'
          : 'The playground’s server'
        : from === 'client'
          ? 'The client running in this browser'
          : 'This browser';
  return `${who} (back channel), ${CARRIES[credential]}`;
}

/** The facts of a request as it was recorded (or is about to be sent). */
export const factsOf = (
  request: WireRequest,
  roles: { from: Role; channel: Channel },
  sender: Sender = senderOf(request),
): ExchangeFacts => ({ ...roles, sender, credential: credentialOf(request) });
