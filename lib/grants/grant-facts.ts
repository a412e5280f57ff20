import type { CatalogueEntry, RegisteredGrant } from './catalogue';
import { probeContext } from '../walkthrough/probe';
import type { ClientKind } from '../diagram/derive';

/**
 * What the compare table says of a grant beyond its run, read from its definition: how the client proves
 * who it is, how the authorization request reaches the server, and where the grant stands in OAuth 2.1.
 */

/** RFC 6749 §2.3 and RFC 7523 §2.2: a secret, a signed assertion, or nothing for a public client. */
export function clientAuthentication(grant: RegisteredGrant): string {
  const client = grant.clients.find((candidate) => candidate.client_id === grant.clientId);
  if (client?.authentication === 'private_key_jwt')
    return 'the client, with a JWT signed by its private key (private_key_jwt); no shared secret';
  return grant.clientType === 'confidential'
    ? 'the client, with its secret'
    : 'nobody: a public client has no secret';
}

/** What the diagram says the client holds to prove who it is (lib/diagram/derive.ts). */
export function clientKindOf(
  grant: Pick<RegisteredGrant, 'clientId' | 'clientType'> & {
    clients: readonly { client_id: string; authentication?: string }[];
  },
): ClientKind {
  const client = grant.clients.find((candidate) => candidate.client_id === grant.clientId);
  return client?.authentication === 'private_key_jwt' ? 'private-key' : grant.clientType;
}

/** Where the authorization request's parameters travel: pushed by the client (RFC 9126), or in the URL. */
export function authorizationRequestTravel(grant: RegisteredGrant): string {
  const actions = grant.steps.map((step, index) => step.action(probeContext(grant, index)));
  const pushed = actions.some(
    (action) => action.kind === 'send' && action.request.form?.response_type !== undefined,
  );
  if (pushed) return 'pushed by the client’s backend (PAR); the browser carries only a request_uri';
  if (actions.some((action) => action.kind === 'navigate')) return 'in the URL, readable in the browser';
  return 'none: no browser redirect';
}

const STATUS_IN_OAUTH_21 = {
  recommended: 'kept',
  legacy: 'removed',
  'special-purpose': 'kept (a separate RFC, 8628)',
} as const;

/** A classic grant is kept or removed by OAuth 2.1; a modern one is built on top of it, for the profiles that ask. */
export function oauth21Standing({ status, family, profiles }: CatalogueEntry): string {
  if (family !== 'modern') return STATUS_IN_OAUTH_21[status];
  return profiles?.length ? `an addition to it; ${profiles.join('; ')}` : 'an addition to it';
}
