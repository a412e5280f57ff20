import { errorResponse } from './errors';
import { MAX_BODY_BYTES } from './body-limit';

/**
 * The answer to a request that passes through proxy.ts with a body of no declared length (chunked),
 * or undefined when it declares one or has none.
 *
 * Next holds a body that passes through the proxy in memory, up to `proxyClientMaxBodySize`
 * (next.config.mjs), and past it hands the route only the start of it, with nothing to say it was cut:
 * a route there cannot tell a cut body from a short one. With Content-Length, the route sees the
 * declared length and refuses it (413, lib/http/body-limit.ts); without it, the proxy refuses the body
 * before it is read: 411 Length Required (RFC 9110 section 15.5.12). Browsers' forms always declare it.
 */
export function lengthRequiredResponse(request: Request): Response | undefined {
  if (!request.headers.has('transfer-encoding') || request.headers.has('content-length')) return undefined;
  const message = `A body sent here must declare its length (Content-Length), of at most ${MAX_BODY_BYTES / 1024} KB; the playground's pages read no chunked bodies.`;
  // In OAuth's error format, as a body over the limit is refused (the sign-in form's routes included);
  // the rest of the body may still be on its way, so the connection ends with the answer.
  return errorResponse(411, 'invalid_request', message, { connection: 'close' });
}
