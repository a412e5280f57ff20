import { serverErrorResponse } from '../http/errors';
import { identifyRequester } from '../http/requester';
import { traceStore } from './index';
import { recordExchange } from './recorder';
import { senderOf } from './roles';
import type { Role } from './types';

type Handler<Context> = (request: Request, context: Context) => Promise<Response> | Response;

/**
 * Wraps a route handler of one of the server roles so that each exchange it answers is appended to
 * the learner's trace, exactly as answered. A thrown error becomes a logged 500, never a stack trace.
 */
export function recordedRoute<Context>(
  to: Role,
  handler: Handler<Context>,
  options: { redactFormFields?: string[] } = {},
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    const startedAt = Date.now();
    const started = performance.now();
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null;
    const requestBody = hasBody ? new Uint8Array(await request.clone().arrayBuffer()) : null;
    let response: Response;
    try {
      response = await handler(request, context);
    } catch (error) {
      console.error(`[${to}] unhandled failure:`, error instanceof Error ? error.message : error);
      response = serverErrorResponse();
    }
    const responseBody = response.body ? new Uint8Array(await response.clone().arrayBuffer()) : null;
    recordExchange(traceStore(), {
      learnerId: (await identifyRequester(request.headers)).learnerId,
      ...senderOf(request.headers),
      to,
      startedAt,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      request: { method: request.method, url: request.url, headers: request.headers, body: requestBody },
      response: { status: response.status, headers: response.headers, body: responseBody },
      redactFormFields: options.redactFormFields,
    });
    return response;
  };
}
