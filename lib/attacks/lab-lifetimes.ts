import type { KoaContextWithOIDC } from 'oidc-provider';
import { LAB_CLIENTS } from './lab-clients';
import { ATTACKER, PARTY_HEADER } from './party';

/**
 * The attack lab's records at the authorization server live two hours, not the 14 days of the
 * walkthroughs' grants, refresh tokens and sessions: a lab run lasts minutes, and the attacker's routes
 * (a code for bob, a replayed refresh token) make the server write a session and a grant on each call.
 * A lab client's grant lives as long as the longest token it backs (its refresh token, two hours);
 * the attacker's own sign-in session as long. Everything else keeps `fallback`.
 */
export const LAB_RECORD_TTL = 2 * 60 * 60;

const isLabClient = (clientId: string | undefined) =>
  LAB_CLIENTS.some((client) => client.client_id === clientId);

type Fallback = { Grant: number; RefreshToken: number; Session: number };

/** oidc-provider's `ttl.Grant`, `ttl.RefreshToken` and `ttl.Session`, shortened for the lab. */
export function labRecordLifetimes(fallback: Fallback) {
  return {
    Grant: (_ctx: KoaContextWithOIDC | undefined, grant: { clientId?: string }) =>
      isLabClient(grant.clientId) ? LAB_RECORD_TTL : fallback.Grant,
    RefreshToken: (_ctx: KoaContextWithOIDC | undefined, token: { clientId?: string }) =>
      isLabClient(token.clientId) ? LAB_RECORD_TTL : fallback.RefreshToken,
    // The attacker signs in as bob from its own cookie jar, which it throws away after one code.
    Session: (ctx: KoaContextWithOIDC | undefined) =>
      ctx?.get(PARTY_HEADER) === ATTACKER ? LAB_RECORD_TTL : fallback.Session,
  };
}
