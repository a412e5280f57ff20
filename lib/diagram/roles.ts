import { ATTACKER, isAttackersPath, PARTY_HEADER } from '../attacks/party';
import type { Role, TraceEvent } from '../trace/types';
import type { ExtraRole, StepParty } from '../walkthrough/types';
import { jwtHeader, jwtPayload } from '../tokens/jwt-parts';
import { formOf, requestHeader } from '../trace/exchange';
import { isRole } from '../trace/roles';
import { boundThumbprint } from '../tokens/structured-claims';
import { basicCredentialsOf } from '../http/basic-auth';

/**
 * The parties the diagram draws: the four roles of RFC 6749 §1.1, and the extra roles a grant declares
 * (an agent acting for the user, later an attacker). An extra role plays one of the four in the recorded
 * exchanges and is told apart by the client_id its requests show; which exchanges are its is derived
 * from the trace, like everything else on the diagram.
 */
export type RoleId = Role | (string & {});

export const ROLES: Role[] = ['resource-owner', 'client', 'authorization-server', 'resource-server'];

export const ROLE_TITLES: Record<Role, string> = {
  'resource-owner': 'Resource Owner',
  client: 'Client',
  'authorization-server': 'Authorization Server',
  'resource-server': 'Resource Server',
};

/** Every party of a run, the four first, in the order lanes and lane pairs are counted. */
export const partiesOf = (extra: readonly ExtraRole[] = []): RoleId[] => [
  ...ROLES,
  ...extra.map((role) => role.id),
];

/** A party a step may name (one of the four roles, or the attack lab's attacker), not a grant's extra role. */
export const isStepParty = (id: RoleId): id is StepParty => isRole(id) || id === ATTACKER;

export const titleOf = (id: RoleId, extra: readonly ExtraRole[] = []): string =>
  (isRole(id) ? ROLE_TITLES[id] : undefined) ?? extra.find((role) => role.id === id)?.title ?? id;

const header = requestHeader;

function jwtClaim(token: string, claim: string): string | undefined {
  const value = jwtPayload(token)?.[claim];
  return typeof value === 'string' ? value : undefined;
}

/** The thumbprint a DPoP-bound JWT access token names (`cnf.jkt`, RFC 9449 §6.1), if any. */
const boundTo = (token: string): string | undefined => boundThumbprint(jwtPayload(token)?.cnf);

/**
 * The client a request names: the form's client_id, HTTP Basic's user (RFC 6749 §2.3.1), or the
 * client_id claim of the JWT access token it presents (RFC 9068 §2.2).
 */
export function clientIdOf(event: TraceEvent): string | undefined {
  const form = formOf(event);
  if (form?.get('client_id')) return form.get('client_id')!;
  const authorization = header(event, 'authorization') ?? '';
  const [scheme, value] = authorization.split(' ');
  if (scheme?.toLowerCase() === 'basic' && value) {
    try {
      return basicCredentialsOf(authorization)?.clientId;
    } catch {
      return undefined;
    }
  }
  if (value && /^(bearer|dpop)$/i.test(scheme ?? '')) return jwtClaim(value, 'client_id');
  return undefined;
}

/**
 * Who sends a step: the role it names, or the extra party playing that role whose client sends it (an
 * agent's requests carry its own client_id), so the step reads "Assistant (agent) → …" as the diagram does.
 */
export function senderOfStep(
  from: RoleId,
  action: { kind: string; clientId?: string },
  extra: readonly ExtraRole[] = [],
): RoleId {
  const clientId = action.kind === 'send' ? action.clientId : undefined;
  return extra.find((role) => role.playsAs === from && clientId && role.clientId === clientId)?.id ?? from;
}

/** A recorded exchange with its sender or receiver named as a party of the diagram. */
export type PartyEvent = Omit<TraceEvent, 'from' | 'to'> & { from: RoleId; to: RoleId };

// Traces only grow: an exchange keeps its assignment, so the hops derived from it stay the same objects.
const assigned = new WeakMap<TraceEvent, { roles: readonly ExtraRole[]; event: PartyEvent }>();

/** The exchanges with each extra role's own requests moved from the role it plays to it. */
export function assignParties(events: TraceEvent[], extra: readonly ExtraRole[] = []): PartyEvent[] {
  if (!extra.length) return events;
  return events.map((event) => {
    const known = assigned.get(event);
    if (known?.roles === extra) return known.event;
    const client = clientIdOf(event);
    // The lab's attacker replays the victim's client_id: its requests name it in a header instead.
    const named = header(event, PARTY_HEADER);
    const party = extra.find(
      (role) => role.playsAs === event.from && (role.clientId === client || (named && role.id === named)),
    );
    // What a victim's side hands the attacker's server (loot, a lure, the mix-up client's requests) goes into the Attacker.
    const intoAttacker =
      extra.some((role) => role.id === ATTACKER) && isAttackersPath(new URL(event.request.url).pathname);
    const moved =
      party || intoAttacker
        ? { ...event, ...(party ? { from: party.id } : {}), ...(intoAttacker ? { to: ATTACKER } : {}) }
        : event;
    assigned.set(event, { roles: extra, event: moved });
    return moved;
  });
}

/**
 * What a party's own requests show it holds: a DPoP key pair (it sends DPoP proofs, RFC 9449 §4) or a
 * private key it signs client assertions with (private_key_jwt, RFC 7523 §2.2).
 */
export function keysShownBy(events: readonly PartyEvent[], party: RoleId): string[] {
  const own = events.filter((event) => event.from === party);
  const dpop = own.some((event) => header(event, 'dpop'));
  const assertion = own.some((event) => formOf(event)?.has('client_assertion'));
  return [
    // The lab's attacker signs with a key it made itself: it never had the one a stolen token is bound to.
    ...(dpop
      ? [party === ATTACKER ? 'a DPoP key pair of its own' : 'a DPoP key pair (a proof per request)']
      : []),
    ...(assertion ? ['a private key for client assertions (private_key_jwt)'] : []),
  ];
}

/**
 * What the attack lab's attacker shows it holds by using it: the stolen tokens its own requests present,
 * and the access tokens its requests were given.
 */
export function lootShownBy(events: readonly PartyEvent[], party: RoleId): string[] {
  const own = events.filter((event) => event.from === party);
  const form = (event: PartyEvent) => formOf(event);
  const bearer = (event: PartyEvent) =>
    /^(?:bearer|dpop) (\S+)$/i.exec(header(event, 'authorization') ?? '')?.[1];
  const unsigned = (token: string) => jwtHeader(token)?.alg === 'none';
  // What a victim's side handed its server (lib/attacks/received.ts), by the parameters' wire names,
  // whatever it answered (the mix-up's token endpoint keeps the code and answers with a refusal).
  const handedOver = (name: string) =>
    events.some(
      (event) =>
        event.to === party && (new URL(event.request.url).searchParams.has(name) || form(event)?.has(name)),
    );
  const refresh = own.some((event) => form(event)?.has('refresh_token')) || handedOver('refresh_token');
  const caught =
    own.some((event) => form(event)?.get('grant_type') === 'authorization_code') || handedOver('code');
  const verifier = own.some((event) => form(event)?.has('code_verifier')) || handedOver('code_verifier');
  const leaked = handedOver('token') || handedOver('access_token');
  const issued = own.some(
    (event) =>
      (form(event)?.has('refresh_token') || form(event)?.has('code')) && event.response.status === 200,
  );
  const presented = own.map(bearer).filter((token): token is string => Boolean(token));
  const forged = presented.find(unsigned);
  // RFC 9449 §6: a token bound to a key names its thumbprint in cnf.jkt.
  const bound = presented.find((token) => boundTo(token));
  const login = own.find((event) => /\/interaction\/[^/]+\/login$/.test(new URL(event.request.url).pathname));
  const account = login && form(login)?.get('username');
  const ownToken = own.find(
    (event) => form(event)?.get('grant_type') === 'password' && event.response.status === 200,
  );
  const coded = own.some((event) =>
    /[?&]code=/.test(event.response.headers.find(([name]) => name === 'location')?.[1] ?? ''),
  );
  return [
    ...(account ? [`a session of its own, signed in as ${account}`] : []),
    ...(ownToken
      ? [`a real access token of its own (${form(ownToken)?.get('username') ?? 'its account'}’s)`]
      : []),
    ...(coded ? [`an unredeemed authorization code${account ? ` for ${account}` : ''}`] : []),
    ...(refresh ? ['a stolen refresh token (alice’s)'] : []),
    ...(caught ? ['a caught authorization code (alice’s)'] : []),
    ...(verifier ? ['the client’s code_verifier, stolen with the code'] : []),
    ...(issued ? [`alice’s access token, from the ${caught ? 'caught code' : 'replay'}`] : []),
    ...(forged ? [`a forged token: alg none, sub ${jwtClaim(forged, 'sub') ?? '?'}, no signature`] : []),
    ...(bound
      ? ['alice’s access token (DPoP-bound), but not the private key it is bound to']
      : (presented.length || leaked) && !issued && !forged
        ? ['a stolen access token']
        : []),
  ];
}
