import { ISSUER_PATH } from '../config/env';
import { BodyTooLargeError, bodyTooLargeResponse } from '../http/body-limit';
import { errorResponse, serverErrorResponse } from '../http/errors';
import { identifyRequester } from '../http/requester';
import type { Requester } from '../http/on-behalf';
import { traceStore } from '../trace';
import { recordExchange } from '../trace/recorder';
import { senderOf } from '../trace/roles';
import { readBody, runNodeListener } from './node-bridge';
import { authorizationServer } from './provider';
import { refuseOverRegistrationLimit } from './registration-limit';
import { refuseOverTokenExchangeLimit } from './grants/token-exchange-rate-limit';

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

/** What the provider answers, or why the request never reached it. */
async function answer(
  request: Request,
  body: Buffer,
  requester: Requester,
): Promise<{ response: Response; body: Uint8Array }> {
  const { listener } = await authorizationServer();
  const { response, res } = await runNodeListener(listener, request, {
    mountPath: MOUNT_PATH,
    body,
    requester,
  });
  if (response.status === 404 && response.headers.get('content-type')?.startsWith('text/plain')) {
    // Koa's bare "Not Found": say which endpoints exist instead.
    return ownAnswer(notFound(new URL(request.url).pathname));
  }
  return { response, body: res.body };
}

const ownAnswer = async (response: Response) => ({
  response,
  body: new Uint8Array(await response.clone().arrayBuffer()),
});

/**
 * Every request under /oidc: handed to oidc-provider through the bridge, its body read within the
 * playground's limit, and the exchange, exactly as answered, appended to the learner's trace.
 */
export async function handleAuthorizationServerRequest(request: Request): Promise<Response> {
  const startedAt = Date.now();
  const started = performance.now();
  const requester = await identifyRequester(request.headers);
  let body: Buffer = Buffer.alloc(0);
  let answered: { response: Response; body: Uint8Array };
  try {
    const { env } = await authorizationServer();
    const refused = await refuseOverRegistrationLimit(request, `${MOUNT_PATH}/reg`, env.appRegistrationLimit);
    if (refused) answered = await ownAnswer(refused);
    else {
      body = await readBody(request);
      const overLimit = await refuseOverTokenExchangeLimit(request, `${MOUNT_PATH}/token`, body, requester);
      answered = overLimit ? await ownAnswer(overLimit) : await answer(request, body, requester);
    }
  } catch (error) {
    answered = await ownAnswer(
      error instanceof BodyTooLargeError ? bodyTooLargeResponse(error) : unhandled(error),
    );
  }
  const { response } = answered;
  recordExchange(traceStore(), {
    learnerId: requester.learnerId,
    ...senderOf(request.headers),
    to: 'authorization-server',
    startedAt,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
    request: { method: request.method, url: request.url, headers: request.headers, body },
    response: { status: response.status, headers: response.headers, body: answered.body },
  });
  return response;
}
