import { ISSUER_PATH } from '../config/env';
import { BodyTooLargeError, bodyTooLargeResponse } from '../http/body-limit';
import { errorResponse, serverErrorResponse } from '../http/errors';
import { learnerIdFromCookieHeader } from '../trace/learner';
import { traceStore } from '../trace';
import { recordExchange } from '../trace/recorder';
import { senderOf } from '../trace/roles';
import { readBody, runNodeListener } from './node-bridge';
import { authorizationServer } from './provider';

export const MOUNT_PATH = ISSUER_PATH;

const notFound = (pathname: string) =>
  errorResponse(
    404,
    'not_found',
    `The authorization server has no endpoint at ${pathname}. Its discovery document lists them all: ${MOUNT_PATH}/.well-known/openid-configuration`,
  );

function unhandled(error: unknown): Response {
  console.error('[authorization server] unhandled failure:', error instanceof Error ? error.message : error);
  return serverErrorResponse();
}

/**
 * Every request under /oidc: handed to oidc-provider through the bridge, and the exchange, exactly as
 * answered, appended to the learner's trace.
 */
export async function handleAuthorizationServerRequest(request: Request): Promise<Response> {
  const startedAt = Date.now();
  const started = performance.now();
  let body: Buffer = Buffer.alloc(0);
  let response: Response;
  let responseBody: Uint8Array | null = null;
  try {
    body = await readBody(request);
    const { listener } = await authorizationServer();
    const result = await runNodeListener(listener, request, { mountPath: MOUNT_PATH, body });
    response = result.response;
    responseBody = result.res.body;
    if (response.status === 404 && response.headers.get('content-type')?.startsWith('text/plain')) {
      // Koa's bare "Not Found": say which endpoints exist instead.
      response = notFound(new URL(request.url).pathname);
      responseBody = new Uint8Array(await response.clone().arrayBuffer());
    }
  } catch (error) {
    response = error instanceof BodyTooLargeError ? bodyTooLargeResponse(error) : unhandled(error);
    responseBody = new Uint8Array(await response.clone().arrayBuffer());
  }
  recordExchange(traceStore(), {
    learnerId: learnerIdFromCookieHeader(request.headers.get('cookie')),
    ...senderOf(request.headers),
    to: 'authorization-server',
    startedAt,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
    request: { method: request.method, url: request.url, headers: request.headers, body },
    response: { status: response.status, headers: response.headers, body: responseBody },
  });
  return response;
}
