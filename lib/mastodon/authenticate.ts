import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import type { PlaygroundEnv } from '../config/env';
import { onBehalfOf } from '../http/requester';
import { RESOURCE_SERVER_CLIENT } from '../oidc/clients';
import { handleAuthorizationServerRequest } from '../oidc/handle-request';
import { resourceIdentifier } from '../oidc/resource-server';
import { FROM_HEADER } from '../trace/roles';
import { RUN_HEADER, runOf } from '../trace/run';
import { invalidToken, MastodonError, outsideScopes, userRequired } from './errors';
import { scopeCovers } from './scopes';

/** Who is calling the API: the user (absent for an app token), the client, and the granted scopes. */
export type Caller = { accountId?: string; clientId: string; scopes: Set<string> };

let jwks: { url: string; set: ReturnType<typeof createRemoteJWKSet> } | undefined;
function jwksFor(env: PlaygroundEnv) {
  const url = `${env.internalOrigin}/oidc/jwks`;
  if (jwks?.url !== url) jwks = { url, set: createRemoteJWKSet(new URL(url)) };
  return jwks.set;
}

/**
 * RFC 9068: a JWT access token is checked locally, with the authorization server's published keys.
 * It cannot be revoked before it expires, which is the lesson of self-contained tokens.
 */
async function verifyJwt(token: string, env: PlaygroundEnv): Promise<Caller> {
  try {
    const { payload } = await jwtVerify(token, jwksFor(env), {
      issuer: env.issuer,
      audience: resourceIdentifier(env.publicOrigin),
      typ: 'at+jwt',
    });
    if (payload.cnf)
      throw new MastodonError(401, 'This token is DPoP-bound; the playground API accepts Bearer tokens');
    return {
      accountId: payload.sub !== payload.client_id ? payload.sub : undefined,
      clientId: String(payload.client_id),
      scopes: new Set(
        String(payload.scope ?? '')
          .split(' ')
          .filter(Boolean),
      ),
    };
  } catch (error) {
    if (error instanceof MastodonError) throw error;
    if (error instanceof joseErrors.JWTExpired) throw new MastodonError(401, 'The access token expired');
    throw invalidToken();
  }
}

/**
 * RFC 7662: an opaque access token is checked by asking the authorization server's introspection
 * endpoint, as the resource server's own client. Both roles live in this process, so the request is
 * handed to the endpoint directly rather than sent over loopback HTTP: the same oidc-provider code
 * answers it and the exchange is recorded as answered, without a second trip through the socket and
 * Next's router (half the API call's cost when a class signs in at once). The server vouches for the
 * learner (lib/http/on-behalf.ts) so that this back-channel exchange shows in their trace; a revoked
 * token is refused at once.
 */
async function introspect(token: string, env: PlaygroundEnv, incoming: Headers): Promise<Caller> {
  const onBehalf = await onBehalfOf(incoming);
  const run = runOf(incoming);
  // Addressed as every other exchange in the trace is, by the issuer's public origin: the request is
  // handed over in-process, so the loopback address would only make this one exchange look elsewhere.
  const introspection = new Request(`${env.issuer}/token/introspection`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${RESOURCE_SERVER_CLIENT.id}:${RESOURCE_SERVER_CLIENT.secret}`).toString('base64')}`,
      [FROM_HEADER]: 'resource-server',
      ...onBehalf,
      ...(run ? { [RUN_HEADER]: run } : {}),
    },
    body: new URLSearchParams({ token }),
  });
  const response = await handleAuthorizationServerRequest(introspection);
  if (!response.ok) throw new Error(`introspection answered ${response.status}`);
  const result = (await response.json()) as {
    active: boolean;
    sub?: string;
    client_id?: string;
    scope?: string;
    token_type?: string;
  };
  if (!result.active || !result.client_id) throw invalidToken();
  if (result.token_type && result.token_type !== 'Bearer') {
    throw new MastodonError(401, 'This token is DPoP-bound; the playground API accepts Bearer tokens');
  }
  return {
    accountId: result.sub,
    clientId: result.client_id,
    scopes: new Set((result.scope ?? '').split(' ').filter(Boolean)),
  };
}

export async function authenticate(request: Request, env: PlaygroundEnv): Promise<Caller> {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw invalidToken();
  const token = match[1]!;
  return token.split('.').length === 3 ? verifyJwt(token, env) : introspect(token, env, request.headers);
}

/** Mastodon's rule: the token needs one of `scopes` (a parent such as `read` covers `read:statuses`). */
export function requireScope(caller: Caller, ...scopes: string[]): void {
  if (!scopes.some((scope) => scopeCovers(caller.scopes, scope))) throw outsideScopes();
}

export function requireUser(caller: Caller): asserts caller is Caller & { accountId: string } {
  if (!caller.accountId) throw userRequired();
}

/** For endpoints open without a token: the caller when a token is sent, otherwise undefined. */
export async function optionalCaller(request: Request, env: PlaygroundEnv): Promise<Caller | undefined> {
  return request.headers.has('authorization') ? authenticate(request, env) : undefined;
}
