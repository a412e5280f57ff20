import type { KoaContextWithOIDC } from 'oidc-provider';
import { serverComposition } from './composition';
import { isWeakClient } from './weak-clients';

/**
 * The records of the clients registered apart (the attack lab's) live two hours, not the 14 days of the
 * walkthroughs' grants, refresh tokens and sessions: a lab run lasts minutes, and the attacker's routes
 * (a code for bob, a replayed refresh token) make the server write a session and a grant on each call.
 * Such a client's grant lives as long as the longest token it backs (its refresh token, two hours); a
 * throwaway sign-in session (the attacker's own) as long. Everything else keeps `fallback`.
 */
export const WEAK_CLIENT_RECORD_TTL = 2 * 60 * 60;

type Fallback = { Grant: number; RefreshToken: number; Session: number };

/** oidc-provider's `ttl.Grant`, `ttl.RefreshToken` and `ttl.Session`, shortened for the weak clients. */
export function weakClientRecordLifetimes(fallback: Fallback) {
  return {
    Grant: (_ctx: KoaContextWithOIDC | undefined, grant: { clientId?: string }) =>
      isWeakClient(grant.clientId) ? WEAK_CLIENT_RECORD_TTL : fallback.Grant,
    RefreshToken: (_ctx: KoaContextWithOIDC | undefined, token: { clientId?: string }) =>
      isWeakClient(token.clientId) ? WEAK_CLIENT_RECORD_TTL : fallback.RefreshToken,
    Session: (ctx: KoaContextWithOIDC | undefined) =>
      serverComposition().isThrowawaySession(ctx) ? WEAK_CLIENT_RECORD_TTL : fallback.Session,
  };
}
