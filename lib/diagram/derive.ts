import type { Channel, Role, TraceEvent } from '../trace/types';
import type { WalkthroughContext } from '../walkthrough/types';
import type { Hop } from './hops';

/**
 * The live diagram's data, derived from the one source of truth: the recorded exchanges of the run and
 * the walkthrough's snapshot. Nothing here is stored; the graph, the sequence view and the text list
 * all draw from these functions.
 */
export const ROLES: Role[] = ['resource-owner', 'client', 'authorization-server', 'resource-server'];

export const ROLE_TITLES: Record<Role, string> = {
  'resource-owner': 'Resource Owner',
  client: 'Client',
  'authorization-server': 'Authorization Server',
  'resource-server': 'Resource Server',
};

export type DiagramMessage = {
  seq: number;
  /** 1-based position in the run, as the HTTP log numbers it. */
  number: number;
  from: Role;
  to: Role;
  channel: Channel;
  /** `GET /oidc/auth → 303` */
  label: string;
};

// Interaction and request ids make paths too long to read on a diagram: keep their first characters.
export const shortPath = (pathname: string) =>
  pathname
    .split('/')
    .map((segment) => (segment.length > 24 ? `${segment.slice(0, 6)}…` : segment))
    .join('/');

export function deriveMessages(events: TraceEvent[]): DiagramMessage[] {
  return events.map((event, index) => ({
    seq: event.seq,
    number: index + 1,
    from: event.from,
    to: event.to,
    channel: event.channel,
    label: `${event.request.method} ${shortPath(new URL(event.request.url).pathname)} → ${event.response.status}`,
  }));
}

/** A hop in words, for screen readers and tooltips: "Message 7a: 303 to /callback?code=…, carries …". */
export const describeHop = (hop: Hop) =>
  `Message ${hop.number}: ${hop.label}, carries ${hop.carries}, ${ROLE_TITLES[hop.from]} to ${ROLE_TITLES[hop.to]}, ${hop.channel} channel`;

const succeeded = (events: TraceEvent[], method: string, path: RegExp, status: number) =>
  events.some(
    (event) =>
      event.request.method === method &&
      path.test(new URL(event.request.url).pathname) &&
      event.response.status === status,
  );

/** What each role holds right now, in a few words. */
export function deriveHoldings(
  context: Pick<WalkthroughContext, 'values' | 'tokens'>,
  events: TraceEvent[],
  clientType: 'confidential' | 'public',
): Record<Role, string[]> {
  const signedIn = succeeded(events, 'POST', /^\/interaction\/[^/]+\/login$/, 303);
  const consented = succeeded(events, 'POST', /^\/interaction\/[^/]+\/confirm$/, 303);
  const tokensIssued = events.filter(
    (event) =>
      /^\/(oidc|oauth)\/token$/.test(new URL(event.request.url).pathname) && event.response.status === 200,
  ).length;
  // The playground's own paths, and Mastodon's for the flow against an instance.
  const revoked = succeeded(events, 'POST', /^\/(oidc\/token\/revocation|oauth\/revoke)$/, 200);
  const posted = events.filter(
    (event) => new URL(event.request.url).pathname === '/api/v1/statuses' && event.response.status === 200,
  ).length;
  const { tokens, values } = context;
  return {
    'resource-owner': [
      'a browser',
      ...(signedIn ? ['a session at the authorization server'] : []),
      ...(values.user_code ? [`user code ${values.user_code}`] : []),
    ],
    client: [
      values.instance
        ? values.client_secret
          ? 'an app’s client secret (in this browser)'
          : 'no app registered yet'
        : clientType === 'confidential'
          ? 'a client secret (server-side)'
          : 'no secret (public client)',
      ...(values.code_verifier ? ['a PKCE code_verifier'] : []),
      ...(values.code ? ['an authorization code'] : []),
      ...(values.device_code ? ['a device code'] : []),
      ...(tokens.access_token ? [revoked ? 'a revoked access token' : 'an access token'] : []),
      ...(tokens.refresh_token ? ['a refresh token'] : []),
      ...(tokens.id_token ? ['an ID token'] : []),
    ],
    'authorization-server': [
      'signing keys, registered clients',
      ...(signedIn ? ['a session for the user'] : []),
      ...(consented || tokensIssued ? ['a grant'] : []),
      ...(tokensIssued ? [`${tokensIssued} token response${tokensIssued === 1 ? '' : 's'} issued`] : []),
    ],
    'resource-server': [
      'the API (statuses, accounts)',
      ...(posted ? [`${posted} toot${posted === 1 ? '' : 's'} posted`] : []),
    ],
  };
}
