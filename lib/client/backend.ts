import 'server-only';
import { z } from 'zod';
import type { PlaygroundEnv } from '../config/env';
import { errorResponse } from '../http/errors';
import { unreachableResponse } from '../http/unreachable';
import { demoClientSecret, grantClients, RESOURCE_SERVER_CLIENT } from '../oidc/clients';
import { onBehalfOf } from '../http/requester';
import { FROM_HEADER } from '../trace/roles';
import { fetchOverLoopback } from './loopback-fetch';
import { assertionRefusal, signForTokenRequest, spendClientAssertion } from './backend-assertion';
import { CLIENT_ASSERTION_TYPE } from './client-assertion';
import type { SignedClientAssertion } from '../walkthrough/types';
import { signingClientIds } from './client-keys';
import { basicAuthorization } from '../http/basic-auth';
import {
  CLIENT_AUTHENTICATED,
  forwardAsClient,
  ownPath,
  pathnameOf,
  readAnswer,
  type BackendAnswer,
} from './forward';

/**
 * The backend of the playground's confidential demo clients. A walkthrough asks it to send one request
 * to the playground's own authorization or resource server; it adds the client's secret (which never
 * reaches the browser) and sends the request on the learner's behalf (./forward.ts).
 */
const isConfidentialDemoClient = (clientId: string) =>
  grantClients().some((client) => client.client_id === clientId && client.type === 'confidential');

export const sendSchema = z.object({
  client_id: z.string().refine(isConfidentialDemoClient, {
    error: 'client_id must be one of the playground’s confidential demo clients',
  }),
  request: z.object({
    method: z.enum(['GET', 'POST', 'DELETE']),
    path: ownPath,
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

type SentAnswer = BackendAnswer & { clientAssertion?: SignedClientAssertion };

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
  const headers: Record<string, string> = {};
  if (outgoing.headers?.dpop) headers.dpop = outgoing.headers.dpop;
  if (outgoing.headers?.authorization) headers.authorization = outgoing.headers.authorization;
  // A client with a key pair has no secret: it authenticates with the assertion in the form, or not at all.
  else if (CLIENT_AUTHENTICATED.has(pathnameOf(outgoing.path)) && !signs)
    headers.authorization = basic(client_id, demoClientSecret(client_id));
  try {
    const answer: SentAnswer = await forwardAsClient(request, env, {
      method: outgoing.method,
      path: outgoing.path,
      headers,
      form: form ? new URLSearchParams(form) : undefined,
    });
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
