import type { Channel } from '../trace/types';
import type { ExtraRole, WalkthroughContext } from '../walkthrough/types';
import type { Hop } from './hops';
import { ATTACKER } from '../attacks/party';
import type { ResourceOwnerPart } from './resource-owner';
import { keysShownBy, lootShownBy, titleOf, type PartyEvent, type RoleId } from './roles';

export { ROLE_TITLES, ROLES } from './roles';

/**
 * The live diagram's data, derived from the one source of truth: the recorded exchanges of the run and
 * the walkthrough's snapshot. Nothing here is stored; the graph, the sequence view and the text list
 * all draw from these functions.
 */
export type DiagramMessage = {
  seq: number;
  /** 1-based position in the run, as the HTTP log numbers it. */
  number: number;
  from: RoleId;
  to: RoleId;
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

export function deriveMessages(events: PartyEvent[]): DiagramMessage[] {
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
export const describeHop = (hop: Hop, extra: readonly ExtraRole[] = []) =>
  `Message ${hop.number}: ${hop.label}, carries ${hop.carries}, ${titleOf(hop.from, extra)} to ${titleOf(hop.to, extra)}, ${hop.channel} channel`;

const succeeded = (events: PartyEvent[], method: string, path: RegExp, status: number) =>
  events.some(
    (event) =>
      event.request.method === method &&
      path.test(new URL(event.request.url).pathname) &&
      event.response.status === status,
  );

/** How the client proves who it is: a shared secret, a private key of its own (RFC 7523), or nothing. */
export type ClientKind = 'confidential' | 'public' | 'private-key';

const CLIENT_CREDENTIAL: Record<ClientKind, string> = {
  confidential: 'a client secret (server-side)',
  'private-key': 'a private key for client assertions (server-side; no client secret)',
  public: 'no secret (public client)',
};

/** What each role holds right now, in a few words. */
export function deriveHoldings(
  context: Pick<WalkthroughContext, 'values' | 'tokens'>,
  events: PartyEvent[],
  clientType: ClientKind,
  extra: readonly ExtraRole[] = [],
  resourceOwner: ResourceOwnerPart = 'browser',
): Record<RoleId, string[]> {
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
  // With an agent of its own (token exchange), the exchanged tokens are the agent's, not the client's.
  const agent = extra.find((role) => role.playsAs === 'client' && role.id !== ATTACKER);
  const dpopChecked = events.some(
    (event) =>
      event.to === 'resource-server' &&
      /^dpop /i.test(
        event.request.headers.find(([name]) => name.toLowerCase() === 'authorization')?.[1] ?? '',
      ),
  );
  return {
    ...Object.fromEntries(
      extra.map((role) => [
        role.id,
        [
          ...role.holds,
          ...keysShownBy(events, role.id),
          ...(role.id === ATTACKER ? lootShownBy(events, role.id) : []),
          ...(role === agent &&
          tokens.subject_token &&
          events.some((event) => event.from === role.id && /subject_token=/.test(event.request.body ?? ''))
            ? ['the user’s token for it (subject_token)']
            : []),
          ...(role === agent && tokens.actor_token ? ['its own token (actor_token)'] : []),
          ...(role === agent && tokens.access_token
            ? [
                tokens.token_type?.toLowerCase() === 'dpop'
                  ? 'an exchanged token, DPoP-bound (act: itself)'
                  : 'an exchanged token (act: itself)',
              ]
            : []),
        ],
      ]),
    ),
    // The person, not the browser: what they know, and what their browser keeps for them.
    'resource-owner':
      resourceOwner === 'none'
        ? ['no user, no browser: the client acts for itself']
        : [
            ...(resourceOwner === 'client-form' ? ['a password, typed into the client'] : []),
            ...(signedIn ? ['a session at the authorization server'] : []),
            ...(values.user_code ? [`user code ${values.user_code}`] : []),
          ],
    client: [
      values.instance
        ? values.client_secret
          ? 'an app’s client secret (in this browser)'
          : 'no app registered yet'
        : CLIENT_CREDENTIAL[clientType],
      // A private_key_jwt client holds its key from the start; its assertions need not say so twice.
      ...keysShownBy(events, 'client').filter(
        (key) => clientType !== 'private-key' || !/private_key_jwt/.test(key),
      ),
      ...(values.code_verifier ? ['a PKCE code_verifier'] : []),
      ...(values.code ? ['an authorization code'] : []),
      ...(values.device_code ? ['a device code'] : []),
      ...(tokens.subject_token && agent ? [`the user’s token for the ${agent.id}`] : []),
      ...(tokens.access_token && !agent
        ? [
            revoked
              ? 'a revoked access token'
              : tokens.token_type?.toLowerCase() === 'dpop'
                ? 'a DPoP-bound access token'
                : 'an access token',
          ]
        : []),
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
      ...(dpopChecked ? ['the DPoP proofs’ jti it has seen (5 min)'] : []),
      ...(posted ? [`${posted} toot${posted === 1 ? '' : 's'} posted`] : []),
    ],
  };
}
