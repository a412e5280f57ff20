import { identifyRequester, type Requester } from '../http/requester';
import { runNodeListener } from '../oidc/node-bridge';
import type { AuthorizationServer } from '../oidc/provider';
import { toProviderRedirect } from './apps';
import { invalidClient } from './errors';
import { one, type Params } from './params';
import { basicAuthorization, basicCredentialsOf } from '../http/basic-auth';
import { jsonMembers } from '../walkthrough/response-bodies';

/**
 * Mastodon's OAuth paths (`/oauth/authorize`, `/oauth/token`, `/oauth/revoke`) onto the one
 * authorization server under /oidc: same pages, same tokens, Mastodon's parameters and answers.
 */

// Mastodon.py sends Python's None and False as text.
const absent = (value: string | undefined) =>
  value === undefined || value === '' || value === 'None' ? undefined : value;
const truthy = (value: string | undefined) => value === 'true' || value === 'True' || value === '1';

/** GET /oauth/authorize: a redirect to the authorization endpoint with the same request, translated. */
export function authorizationRedirect(server: AuthorizationServer, query: URLSearchParams): Response {
  const origin = server.env.publicOrigin;
  const target = new URLSearchParams();
  for (const name of ['response_type', 'client_id', 'code_challenge', 'code_challenge_method', 'nonce']) {
    const value = absent(query.get(name) ?? undefined);
    if (value) target.set(name, value);
  }
  const redirectUri = absent(query.get('redirect_uri') ?? undefined);
  if (redirectUri) target.set('redirect_uri', toProviderRedirect(redirectUri, origin));
  target.set('scope', absent(query.get('scope') ?? undefined) ?? 'read');
  const state = absent(query.get('state') ?? undefined);
  if (state) target.set('state', state);
  if (truthy(query.get('force_login') ?? undefined)) target.set('prompt', 'login');
  return new Response(null, {
    status: 302,
    headers: { location: `${server.env.issuer}/auth?${target}`, 'cache-control': 'no-store' },
  });
}

/**
 * HTTP Basic client credentials (RFC 6749 section 2.3.1): each part is form-urlencoded before
 * encoding, so `%ZZ` cannot be decoded and the client has not authenticated: `invalid_client`, not a
 * server error.
 */
export function basicCredentials(header: string): { id: string; secret: string } | undefined {
  try {
    const credentials = basicCredentialsOf(header);
    return credentials && { id: credentials.clientId, secret: credentials.secret };
  } catch {
    throw invalidClient('The client credentials in the Authorization header are not validly %-encoded.');
  }
}

function clientCredentials(request: Request, params: Params): { id: string; secret: string } {
  const header = request.headers.get('authorization');
  if (header?.toLowerCase().startsWith('basic ')) {
    const credentials = basicCredentials(header);
    if (credentials) return credentials;
  }
  const id = one(params, 'client_id');
  const secret = one(params, 'client_secret');
  if (!id || !secret) {
    throw invalidClient(
      'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
    );
  }
  return { id, secret };
}

/**
 * Calls an endpoint of the embedded authorization server in-process, as the client would over HTTP,
 * for the requester of the Mastodon call: its limits (the password grant's) count against them.
 */
async function callProvider(
  server: AuthorizationServer,
  requester: Requester,
  path: string,
  client: { id: string; secret: string },
  form: URLSearchParams,
) {
  const request = new Request(`${server.env.issuer}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: basicAuthorization(client.id, client.secret),
    },
    body: form,
  });
  const { response } = await runNodeListener(server.listener, request, {
    mountPath: '/oidc',
    requester,
  });
  return response;
}

const jsonResponse = (body: unknown, status: number) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store', pragma: 'no-cache' } });

/** POST /oauth/token: authorization_code, client_credentials and password, with Mastodon's response shape. */
export async function exchangeToken(
  server: AuthorizationServer,
  request: Request,
  params: Params,
): Promise<Response> {
  const client = clientCredentials(request, params);
  const grantType = one(params, 'grant_type');
  const form = new URLSearchParams();
  if (grantType) form.set('grant_type', grantType);
  for (const name of ['code', 'code_verifier', 'username', 'password']) {
    const value = one(params, name);
    if (value !== undefined) form.set(name, value);
  }
  const redirectUri = one(params, 'redirect_uri');
  if (redirectUri) form.set('redirect_uri', toProviderRedirect(redirectUri, server.env.publicOrigin));
  const scope = one(params, 'scope') ?? (grantType === 'authorization_code' ? undefined : 'read');
  if (scope) form.set('scope', scope);

  const requester = await identifyRequester(request.headers);
  const response = await callProvider(server, requester, '/token', client, form);
  const body = jsonMembers(await response.json());
  if (!response.ok) return jsonResponse(body, response.status);
  return jsonResponse(
    {
      access_token: body.access_token,
      token_type: 'Bearer',
      scope: body.scope ?? scope ?? '',
      created_at: Math.floor(Date.now() / 1000),
      ...(typeof body.expires_in === 'number' ? { expires_in: body.expires_in } : {}),
    },
    200,
  );
}

/** POST /oauth/revoke: RFC 7009 through the authorization server; Mastodon answers `{}`. */
export async function revokeToken(
  server: AuthorizationServer,
  request: Request,
  params: Params,
): Promise<Response> {
  const client = clientCredentials(request, params);
  const token = one(params, 'token');
  if (!token)
    return jsonResponse(
      { error: 'invalid_request', error_description: "missing required parameter 'token'" },
      400,
    );
  const response = await callProvider(
    server,
    await identifyRequester(request.headers),
    '/token/revocation',
    client,
    new URLSearchParams({ token }),
  );
  if (!response.ok) return jsonResponse(await response.json(), response.status);
  return jsonResponse({}, 200);
}
