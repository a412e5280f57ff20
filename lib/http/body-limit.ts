import { errorResponse } from './errors';

/**
 * Every request body the playground reads is at most this long. OAuth requests, Mastodon statuses and
 * the walkthroughs' JSON are a few kilobytes; 64 KB leaves room for any of them and stops one client
 * from making the server hold megabytes per request (RFC 9110 section 15.5.14, 413 Content Too Large).
 */
export const MAX_BODY_BYTES = 64 * 1024;

/** The body is longer than the limit: answered with 413, never read to its end. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit / 1024} KB`);
  }
}

const hasBody = (request: Request) =>
  request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null;

/**
 * The request's body, read only as far as `limit`: a declared Content-Length over the limit is refused
 * before anything is read, and a body without one (chunked) is counted while it streams and dropped as
 * soon as it passes the limit. Answers null when the request has no body.
 */
export async function readBodyWithin(request: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array | null> {
  if (!hasBody(request)) return null;
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await request.body?.cancel().catch(() => {});
    throw new BodyTooLargeError(limit);
  }
  const reader = request.body!.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * The same request with its body read within the limit and held in memory, so that handlers may read
 * it as usual (`json()`, `formData()`) and the recorder may keep it. Throws `BodyTooLargeError`.
 */
export async function withinBodyLimit(
  request: Request,
  limit = MAX_BODY_BYTES,
): Promise<{ request: Request; body: Uint8Array | null }> {
  const body = await readBodyWithin(request, limit);
  if (body === null) return { request, body };
  const bounded = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: body as BodyInit,
    signal: request.signal,
  });
  return { request: bounded, body };
}

/** Our own routes' answer to an oversized body, in OAuth's error format. */
export const bodyTooLargeResponse = (error: BodyTooLargeError) =>
  errorResponse(413, 'invalid_request', `${error.message}; the playground reads no more than that.`);

/**
 * A route handler that reads its body as usual (`json()`, `formData()`), but only ever a body within
 * the limit: past it, the answer is 413 in OAuth's error format and the handler is not run.
 */
export function bodyLimited<Rest extends unknown[]>(
  handler: (request: Request, ...rest: Rest) => Promise<Response>,
): (request: Request, ...rest: Rest) => Promise<Response> {
  return async (request, ...rest) => {
    let bounded: Request;
    try {
      bounded = (await withinBodyLimit(request)).request;
    } catch (error) {
      if (error instanceof BodyTooLargeError) return bodyTooLargeResponse(error);
      throw error;
    }
    return handler(bounded, ...rest);
  };
}
