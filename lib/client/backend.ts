import 'server-only';
import { z } from 'zod';
import type { PlaygroundEnv } from '../config/env';
import { errorResponse } from '../http/errors';
import { unreachableResponse } from '../http/unreachable';
import { demoClientSecret, grantClients, RESOURCE_SERVER_CLIENT } from '../oidc/clients';
import { isNormalizedPath } from '../http/normalized-path';
import { onBehalfOf } from '../http/requester';
import { FROM_HEADER } from '../trace/roles';
import { fetchOverLoopback } from './loopback-fetch';
import { assertionRefusal, signForTokenRequest, spendClientAssertion } from './backend-assertion';
import { CLIENT_ASSERTION_TYPE } from './client-assertion';
import type { SignedClientAssertion } from '../walkthrough/types';
import { signingClientIds } from './client-keys';
import { RUN_HEADER, runOf } from '../trace/run';
import { basicAuthorization } from '../http/basic-auth';

/**
 * The backend of the playground's confidential demo clients. A walkthrough asks it to send one request
 * to the playground's own authorization or resource server; it adds the client's secret (which never
 * reaches the browser) and sends the request over real HTTP on loopback, addressed to the public origin. It carries no cookie of the
 * browser's: the server vouches for the learner and their address in a signed header instead
 * (lib/http/on-behalf.ts), so that the exchange lands in the learner's trace and counts against the
 * learner's limits, not against the server's own loopback address.
 */
const isConfidentialDemoClient = (clientId: string) =>
  grantClients().some((client) => client.client_id === clientId && client.type === 'confidential');

// Only the playground's own endpoints: the backend never fetches a URL a browser chose (no SSRF).
const OWN_PATH = /^\/(oidc|api\/v1|api\/v2)\/[A-Za-z0-9/_.:-]*(\?[^#]*)?$/;
// The endpoints where a client authenticates: token, introspection, revocation, and pushed
// authorization requests (RFC 9126 §2.1).
const CLIENT_AUTHENTICATED = new Set([
  '/oidc/token',
  '/oidc/token/introspection',
  '/oidc/token/revocation',
  '/oidc/request',
]);

export const sendSchema = z.object({
  client_id: z.string().refine(isConfidentialDemoClient, {
    error: 'client_id must be one of the playground’s confidential demo clients',
  }),
  request: z.object({
    method: z.enum(['GET', 'POST', 'DELETE']),
    path: z
      .string()
      .regex(OWN_PATH, 'path must be an endpoint of the playground (/oidc/..., /api/v1/..., /api/v2/...)')
      .refine(isNormalizedPath, 'path must not contain . or .. segments'),
    headers: z
      .object({
        authorization: z
          .string()
          // Bearer, or DPoP for a token bound to the run's key (RFC 9449 §7.1), sent with its proof.
          .regex(/^(Bearer|DPoP) \S*$/, 'headers.authorization must be "Bearer <token>" or "DPoP <token>"')
          .optional(),
        // RFC 9449: a proof the browser signed with the run's key (which never leaves it), forwarded.
        dpop: z
          .string()
          .max(4096)
          .regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'headers.dpop must be a DPoP proof (a compact JWS)')
          .optional(),
      })
      .strict()
      .optional(),
    form: z.record(z.string(), z.string()).optional(),
    clientAssertion: z
      .object({ aud: z.url({ error: 'clientAssertion.aud must be a URL (the audience of the assertion)' }) })
      .strict()
      .optional(),
  }),
});

export type BackendAnswer = {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  clientAssertion?: SignedClientAssertion;
};

async function readAnswer(response: Response): Promise<BackendAnswer> {
  const text = await response.text();
  let body: unknown = text;
  if (response.headers.get('content-type')?.includes('json') && text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, headers: Object.fromEntries(response.headers), body };
}

const basic = basicAuthorization;

async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

/** POST /api/client/send */
export async function sendAsClientBackend(request: Request, env: PlaygroundEnv): Promise<Response> {
  const parsed = sendSchema.safeParse(await readJson(request));
  if (!parsed.success) {
    return errorResponse(
      400,
      'invalid_request',
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
    );
  }
  const { client_id, request: outgoing } = parsed.data;
  const signs = signingClientIds().includes(client_id);
  const refusal = assertionRefusal(client_id, outgoing, env);
  if (refusal) return errorResponse(400, 'invalid_request', refusal);
  const assertion = outgoing.clientAssertion
    ? await signForTokenRequest(client_id, outgoing.clientAssertion.aud)
    : undefined;
  const form = assertion
    ? { ...outgoing.form, client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: assertion.jwt }
    : outgoing.form;
  const pathname = outgoing.path.split('?')[0]!;
  const headers: Record<string, string> = {
    accept: 'application/json',
    [FROM_HEADER]: 'client',
    ...(await onBehalfOf(request.headers)),
  };
  const run = runOf(request.headers);
  if (run) headers[RUN_HEADER] = run;
  if (outgoing.headers?.dpop) headers.dpop = outgoing.headers.dpop;
  if (outgoing.headers?.authorization) headers.authorization = outgoing.headers.authorization;
  // A client with a key pair has no secret: it authenticates with the assertion in the form, or not at all.
  else if (CLIENT_AUTHENTICATED.has(pathname) && !signs)
    headers.authorization = basic(client_id, demoClientSecret(client_id));
  if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
  try {
    const response = await fetchOverLoopback(env.internalOrigin, env.publicOrigin, outgoing.path, {
      method: outgoing.method,
      headers,
      body: form ? new URLSearchParams(form) : undefined,
    });
    const answer = await readAnswer(response);
    if (assertion) await spendClientAssertion(assertion.jwt);
    return Response.json(assertion ? { ...answer, clientAssertion: assertion } : answer, {
      headers: { 'cache-control': 'no-store' },
    });
  } catch (error) {
    if (assertion) await spendClientAssertion(assertion.jwt);
    return unreachableResponse('The client backend', env, error);
  }
}

/** POST /api/client/introspect: the token inspector asks, as the resource server would (RFC 7662). */
export async function introspectForInspector(request: Request, env: PlaygroundEnv): Promise<Response> {
  const parsed = z.object({ token: z.string().min(1).max(4096) }).safeParse(await readJson(request));
  if (!parsed.success)
    return errorResponse(400, 'invalid_request', 'token: a token to introspect is required');
  const response = await fetchOverLoopback(
    env.internalOrigin,
    env.publicOrigin,
    '/oidc/token/introspection',
    {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic(RESOURCE_SERVER_CLIENT.id, RESOURCE_SERVER_CLIENT.secret),
        [FROM_HEADER]: 'resource-server',
        ...(await onBehalfOf(request.headers)),
      },
      body: new URLSearchParams({ token: parsed.data.token }),
    },
  );
  return Response.json(await readAnswer(response), { headers: { 'cache-control': 'no-store' } });
}
