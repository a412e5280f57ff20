import { BodyTooLargeError, bodyTooLargeResponse, withinBodyLimit } from '../http/body-limit';
import { serverErrorResponse } from '../http/errors';
import { identifyRequester } from '../http/requester';
import { traceStore } from './index';
import { recordExchange } from './recorder';
import { senderOf } from './roles';
import type { Role } from './types';

type Handler<Context> = (request: Request, context: Context) => Promise<Response> | Response;

export type RecordedRouteOptions = {
  redactFormFields?: string[];
  /** The answer to a body over the limit, in the role's own error format (OAuth's by default). */
  tooLarge?: (error: BodyTooLargeError) => Response;
};

/**
 * Wraps a route handler of one of the server roles so that each exchange it answers is appended to
 * the learner's trace, exactly as answered. The body is read once, within the playground's limit, and
 * handed to the handler from memory. A thrown error becomes a logged 500, never a stack trace.
 */
export function recordedRoute<Context>(
  to: Role,
  handler: Handler<Context>,
  options: RecordedRouteOptions = {},
): (request: Request, context: Context) => Promise<Response> {
  const tooLarge = options.tooLarge ?? bodyTooLargeResponse;
  return async (request, context) => {
    const startedAt = Date.now();
    const started = performance.now();
    let requestBody: Uint8Array | null = null;
    let response: Response;
    try {
      const bounded = await withinBodyLimit(request);
      requestBody = bounded.body;
      response = await handler(bounded.request, context);
    } catch (error) {
      if (error instanceof BodyTooLargeError) response = tooLarge(error);
      else {
        console.error(`[${to}] unhandled failure:`, error instanceof Error ? error.message : error);
        response = serverErrorResponse();
      }
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
