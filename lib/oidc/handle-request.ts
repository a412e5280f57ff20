import { ISSUER_PATH } from '../config/env';
import { errorResponse, serverErrorResponse } from '../http/errors';
import { identifyRequester } from '../http/requester';
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

/**
 * Every request under /oidc: handed to oidc-provider through the bridge, and the exchange, exactly as
 * answered, appended to the learner's trace.
 */
export async function handleAuthorizationServerRequest(request: Request): Promise<Response> {
  const startedAt = Date.now();
  const started = performance.now();
  const body = await readBody(request);
  const requester = await identifyRequester(request.headers);
  let response: Response;
  let responseBody: Uint8Array | null = null;
  try {
    const { listener } = await authorizationServer();
    const result = await runNodeListener(listener, request, { mountPath: MOUNT_PATH, body, requester });
    response = result.response;
    responseBody = result.res.body;
    if (response.status === 404 && response.headers.get('content-type')?.startsWith('text/plain')) {
      // Koa's bare "Not Found": say which endpoints exist instead.
      response = notFound(new URL(request.url).pathname);
      responseBody = new Uint8Array(await response.clone().arrayBuffer());
    }
  } catch (error) {
    console.error(
      '[authorization server] unhandled failure:',
      error instanceof Error ? error.message : error,
    );
    response = serverErrorResponse();
    responseBody = new Uint8Array(await response.clone().arrayBuffer());
  }
  recordExchange(traceStore(), {
    learnerId: requester.learnerId,
    ...senderOf(request.headers),
    to: 'authorization-server',
    startedAt,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
    request: { method: request.method, url: request.url, headers: request.headers, body },
    response: { status: response.status, headers: response.headers, body: responseBody },
  });
  return response;
}
