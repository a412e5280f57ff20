import { ATTACKER, isAttackersPath } from '../attacks/party';
import type { Channel } from '../trace/types';
import { elideUrl, requestCarries, responseCarries } from './carries';
import { shortPath } from './derive';
import type { PartyEvent, RoleId } from './roles';
import { supportingCallOf, type SupportingCall } from './supporting-calls';
import { responseHeader } from '../trace/exchange';

/**
 * One arrow of the diagram: a message going one way between two roles. Most exchanges are one hop,
 * drawn in the request's direction. The front channel runs through the resource owner's browser
 * (RFC 6749 section 1.2), so a message the authorization server sends to the client that way is
 * drawn as the browser carries it: authorization server → browser → client.
 */
export type Hop = {
  /** Unique in the run: "7", "7a", "7b". */
  key: string;
  /** The exchange it belongs to, as the HTTP log keys it. */
  seq: number;
  /** 1-based position of that exchange in the run, as the HTTP log numbers it. */
  exchange: number;
  /** The number drawn on the arrow: the exchange's, with a letter for the further hops of one exchange. */
  number: string;
  from: RoleId;
  to: RoleId;
  channel: Channel;
  /** `GET /oidc/auth → 303`, or for a hop the browser carries, what it is: `303 to /callback?code=…`. */
  label: string;
  /** What this hop carries, in a few words, read from the recorded exchange. */
  carries: string;
  /** A call that supports a step rather than being its message (JWKS, introspection, metadata): drawn subdued. */
  supporting?: SupportingCall;
};

// The parameters of an authorization response (RFC 6749 sections 4.1.2, 4.1.2.1 and 4.2.2).
const AUTHORIZATION_RESPONSE = ['code', 'access_token', 'id_token', 'error'];

const responseParameters = (url: URL) => [
  ...url.searchParams.keys(),
  ...new URLSearchParams(url.hash.slice(1)).keys(),
];

/** The redirect target of an authorization response: it leaves the authorization server for the client. */
export function authorizationResponseTarget(event: PartyEvent): URL | undefined {
  if (event.to !== 'authorization-server' || event.response.status < 300 || event.response.status >= 400)
    return undefined;
  const location = responseHeader(event, 'location');
  if (!location) return undefined;
  const url = new URL(location, event.request.url);
  return responseParameters(url).some((name) => AUTHORIZATION_RESPONSE.includes(name)) ? url : undefined;
}

const carried = (url: URL) => {
  const names = responseParameters(url);
  return `${names.slice(0, 3).join(' + ')}${names.length > 3 ? ' + …' : ''} in the address`;
};

// A trace only grows: the hops of an exchange already drawn are the same objects on the next update,
// so the graph redraws only what changed (the exchange's position is part of the key).
const drawn = new WeakMap<PartyEvent, { exchange: number; hops: Hop[] }>();

export function deriveHops(events: PartyEvent[]): Hop[] {
  return events.flatMap((event, index) => {
    const known = drawn.get(event);
    if (known?.exchange === index + 1) return known.hops;
    const hops = hopsOf(event, index + 1);
    drawn.set(event, { exchange: index + 1, hops });
    return hops;
  });
}

function hopsOf(event: PartyEvent, exchange: number): Hop[] {
  {
    const supporting = supportingCallOf(event);
    const base = { seq: event.seq, exchange, channel: event.channel, ...(supporting ? { supporting } : {}) };
    const label = `${event.request.method} ${shortPath(new URL(event.request.url).pathname)} → ${event.response.status}`;
    const browser = 'resource-owner' as const;
    // Recorded as it arrived at the client (a front-channel message between two servers): the browser carried it.
    if (event.channel === 'front' && event.from !== browser && event.to !== browser) {
      const url = new URL(event.request.url);
      return [
        {
          ...base,
          key: String(exchange),
          number: String(exchange),
          from: event.from,
          to: browser,
          label: `redirect to ${elideUrl(url.href, url.href)}`,
          carries: `redirect to ${elideUrl(url.href, url.href)}`,
        },
        {
          ...base,
          key: `${exchange}a`,
          number: `${exchange}a`,
          from: browser,
          to: event.to,
          label: `GET ${elideUrl(url.href, url.href)}`,
          carries: carried(url),
        },
      ];
    }
    const target = authorizationResponseTarget(event);
    // The exchange's own arrow, sender to receiver; a redirect the browser carries adds two after it.
    const direct = {
      ...base,
      key: String(exchange),
      number: String(exchange),
      from: event.from,
      to: event.to,
      label,
    };
    if (!target) return [{ ...direct, carries: `${requestCarries(event)}; back: ${responseCarries(event)}` }];
    const redirect = responseCarries(event);
    const toBrowser = [
      { ...direct, carries: requestCarries(event) },
      {
        ...base,
        key: `${exchange}a`,
        number: `${exchange}a`,
        from: event.to,
        to: event.from,
        label: redirect,
        carries: redirect,
      },
    ];
    // A redirect_uri that resolves to the lab attacker's page (redirect URI manipulation): the attacker's
    // server records the browser's arrival itself (lib/attacks/received.ts), an exchange into the Attacker.
    // And the attacker's own sign-in ends with the code in its hands: it keeps it (login CSRF, PKCE
    // downgrade), and whatever it later delivers is an exchange of its own.
    if (isAttackersPath(target.pathname) || event.from === ATTACKER) return toBrowser;
    return [
      ...toBrowser,
      {
        ...base,
        key: `${exchange}b`,
        number: `${exchange}b`,
        from: event.from,
        to: 'client',
        label: `GET ${elideUrl(target.href, event.request.url)}`,
        carries: carried(target),
      },
    ];
  }
}

/** The hops of each exchange together, in order: one entry per exchange, as the HTTP log lists them. */
export function byExchange(hops: Hop[]): Hop[][] {
  const groups: Hop[][] = [];
  for (const hop of hops) {
    if (groups.at(-1)?.[0]?.seq === hop.seq) groups.at(-1)!.push(hop);
    else groups.push([hop]);
  }
  return groups;
}
