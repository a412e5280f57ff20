import 'server-only';
import { createLocalJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import type { AuthorizationServer } from '../oidc/provider';
import type { IssuedToken } from './types';

const scopesOf = (scope: unknown) => (typeof scope === 'string' ? scope.split(' ').filter(Boolean) : []);

function fromPayload(payload: JWTPayload, active: boolean): IssuedToken {
  return {
    // A client's own token names the client as its subject (RFC 9068 §2.2).
    ...(payload.sub && payload.sub !== payload.client_id ? { subject: payload.sub } : {}),
    clientId: String(payload.client_id),
    scopes: scopesOf(payload.scope),
    active,
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
    };
  };
}
