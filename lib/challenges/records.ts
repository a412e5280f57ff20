import 'server-only';
import { createLocalJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import type { AuthorizationServer } from '../oidc/provider';
import type { IssuedToken } from './types';

const scopesOf = (scope: unknown) => (typeof scope === 'string' ? scope.split(' ').filter(Boolean) : []);

const audiencesOf = (aud: unknown): string[] =>
  typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((one) => typeof one === 'string') : [];

/** The key a token is bound to (RFC 9449 §6: `cnf.jkt`), in a JWT's claims or an opaque token's record. */
function jktOf(cnf: unknown): { boundTo?: string } {
  if (typeof cnf !== 'object' || cnf === null || !('jkt' in cnf)) return {};
  return typeof cnf.jkt === 'string' ? { boundTo: cnf.jkt } : {};
}

/** What a token's own claims (or record) say of its audience, its end and its binding. */
function shapeOf(aud: unknown, exp: unknown, cnf: unknown) {
  const audience = audiencesOf(aud);
  return {
    ...(audience.length ? { audience } : {}),
    ...(typeof exp === 'number' ? { expiresAt: exp } : {}),
    ...jktOf(cnf),
  };
}

function fromPayload(payload: JWTPayload, active: boolean): IssuedToken {
  return {
    // A client's own token names the client as its subject (RFC 9068 §2.2).
    ...(payload.sub && payload.sub !== payload.client_id ? { subject: payload.sub } : {}),
    clientId: String(payload.client_id),
    scopes: scopesOf(payload.scope),
    active,
    ...shapeOf(payload.aud, payload.exp, payload.cnf),
  };
}

/**
 * What the authorization server knows of an access token it issued: a JWT access token (RFC 9068) by
 * its signature with the server's own keys, an opaque one by the server's stored record of it (gone
 * once revoked: a replayed code takes back the tokens its first redemption issued). A token it did not
 * issue, or whose record is gone, is unknown.
 */
export function accessTokenRecords(server: Pick<AuthorizationServer, 'env' | 'provider' | 'publicJwks'>) {
  const keys = createLocalJWKSet(server.publicJwks);
  return async (token: string): Promise<IssuedToken | undefined> => {
    if (token.split('.').length === 3) {
      try {
        const { payload } = await jwtVerify(token, keys, { issuer: server.env.issuer, typ: 'at+jwt' });
        return fromPayload(payload, true);
      } catch (error) {
        // Its signature checked out; only its time is over.
        return error instanceof errors.JWTExpired ? fromPayload(decodeJwt(token), false) : undefined;
      }
    }
    const stored = await server.provider.AccessToken.find(token, { ignoreExpiration: true });
    if (!stored?.clientId) return undefined;
    return {
      ...(stored.accountId ? { subject: stored.accountId } : {}),
      clientId: stored.clientId,
      scopes: scopesOf(stored.scope),
      active: !stored.isExpired,
      ...shapeOf(stored.aud, stored.exp, stored.jkt ? { jkt: stored.jkt } : undefined),
    };
  };
}
