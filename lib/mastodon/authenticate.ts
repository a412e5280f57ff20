import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import { z } from 'zod';
import type { PlaygroundEnv } from '../config/env';
import { onBehalfOf } from '../http/requester';
import { RESOURCE_SERVER_CLIENT } from '../oidc/clients';
import { checkDpopProof, DpopError, dpopChallenge, PROOF_MAX_AGE } from '../oidc/dpop-resource-server';
import { sharedWindowCounter, type WindowCounter } from '../http/window-counter';
import { handleAuthorizationServerRequest } from '../oidc/handle-request';
import { authorizationServer } from '../oidc/provider';
import { resourceIdentifier } from '../oidc/resource-server';
import { FROM_HEADER } from '../trace/roles';
import { RUN_HEADER, runOf } from '../trace/run';
import { invalidToken, MastodonError, outsideScopes, userRequired } from './errors';
import { scopeCovers } from './scopes';
import { basicAuthorization } from '../http/basic-auth';
import { actingParty, boundThumbprint } from '../tokens/structured-claims';

/**
 * Who is calling the API: the user (absent for an app token), the client, and the granted scopes; with a
 * token from a token exchange (RFC 8693 §4.1), the party acting for the user (`act.sub`).
 */
export type Caller = { accountId?: string; clientId: string; scopes: Set<string>; actor?: string };

/** A checked token, and the key it is bound to when it is DPoP-bound (RFC 9449 §6). */
type Checked = Caller & { jkt?: string };

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
async function verifyJwt(token: string, env: PlaygroundEnv): Promise<Checked> {
  try {
    const { payload } = await jwtVerify(token, jwksFor(env), {
      issuer: env.issuer,
      audience: resourceIdentifier(env.publicOrigin),
      typ: 'at+jwt',
    });
    const jkt = boundThumbprint(payload.cnf);
    const actor = actingParty(payload.act);
    return {
      ...(jkt !== undefined ? { jkt } : {}),
      ...(actor !== undefined ? { actor } : {}),
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

/** RFC 7662 §2.2: the introspection response, the members read here. */
const introspectionResponse = z.object({
  active: z.boolean(),
  sub: z.string().optional(),
  client_id: z.string().optional(),
  scope: z.string().optional(),
  cnf: z.object({ jkt: z.string().optional() }).optional(),
});

/**
 * RFC 7662: an opaque access token is checked by asking the authorization server's introspection
 * endpoint, as the resource server's own client. Both roles live in this process, so the request is
 * handed to the endpoint directly rather than sent over loopback HTTP: the same oidc-provider code
 * answers it and the exchange is recorded as answered, without a second trip through the socket and
 * Next's router (half the API call's cost when a class signs in at once). The server vouches for the
 * learner (lib/http/on-behalf.ts) so that this back-channel exchange shows in their trace; a revoked
 * token is refused at once.
 */
async function introspect(token: string, env: PlaygroundEnv, incoming: Headers): Promise<Checked> {
  const onBehalf = await onBehalfOf(incoming);
  const run = runOf(incoming);
  // Addressed as every other exchange in the trace is, by the issuer's public origin: the request is
  // handed over in-process, so the loopback address would only make this one exchange look elsewhere.
  const introspection = new Request(`${env.issuer}/token/introspection`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: basicAuthorization(RESOURCE_SERVER_CLIENT.id, RESOURCE_SERVER_CLIENT.secret),
      [FROM_HEADER]: 'resource-server',
      ...onBehalf,
      ...(run ? { [RUN_HEADER]: run } : {}),
    },
    body: new URLSearchParams({ token }),
  });
  const response = await handleAuthorizationServerRequest(introspection);
  if (!response.ok) throw new Error(`introspection answered ${response.status}`);
  const answer = introspectionResponse.safeParse(await response.json());
  if (!answer.success) throw new Error(`introspection answered an unexpected body: ${answer.error.message}`);
  const result = answer.data;
  if (!result.active || !result.client_id) throw invalidToken();
  return {
    ...(result.cnf?.jkt ? { jkt: result.cnf.jkt } : {}),
    accountId: result.sub,
    clientId: result.client_id,
    scopes: new Set((result.scope ?? '').split(' ').filter(Boolean)),
  };
}

// Proofs per key while their jti are remembered: made on first use (the environment is read then).
let proofsPerKey: WindowCounter | undefined;
const proofsByKey = async (jkt: string) =>
  (await (proofsPerKey ??= sharedWindowCounter('dpop-proofs', PROOF_MAX_AGE * 1000)).increment(jkt)).count;

const dpopRefusal = (error: DpopError) =>
  new MastodonError(401, error.error, { 'www-authenticate': error.challenge }, error.description);

/**
 * RFC 6750 and RFC 9449: a Bearer token as it is; a DPoP-bound token only with the `DPoP` scheme and a
 * fresh proof by its key (lib/oidc/dpop-resource-server.ts), so that a stolen token alone is useless.
 */
export async function authenticate(request: Request, env: PlaygroundEnv): Promise<Caller> {
  const header = request.headers.get('authorization') ?? '';
  const match = /^(Bearer|DPoP)\s+(\S+)$/i.exec(header);
  if (!match) throw invalidToken();
  const scheme = match[1]!.toLowerCase();
  const token = match[2]!;
  const { jkt, ...caller } =
    token.split('.').length === 3
      ? await verifyJwt(token, env)
      : await introspect(token, env, request.headers);
  if (scheme === 'bearer') {
    if (jkt)
      throw dpopRefusal(
        new DpopError(
          'invalid_token',
          'the access token is DPoP-bound: present it with Authorization: DPoP and a proof, not as a Bearer token',
        ),
      );
    return caller;
  }
  if (!jkt)
    throw new MastodonError(
      401,
      'invalid_token',
      {
        'www-authenticate': dpopChallenge(
          'invalid_token',
          'the access token is not DPoP-bound; present it as a Bearer token',
        ),
      },
      'the access token is not DPoP-bound; present it as a Bearer token',
    );
  const called = new URL(request.url);
  const { storage } = await authorizationServer();
  try {
    await checkDpopProof({
      method: request.method,
      url: `${env.publicOrigin}${called.pathname}${called.search}`,
      proof: request.headers.get('dpop'),
      accessToken: token,
      jkt,
      rememberOnce: (key, value, ttl) => storage.rememberOnce(key, value, ttl),
      proofsByKey,
    });
  } catch (error) {
    if (error instanceof DpopError) throw dpopRefusal(error);
    throw error;
  }
  return caller;
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
