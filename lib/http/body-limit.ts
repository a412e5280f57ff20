import { errorResponse } from './errors';

/**
 * Every request body the playground reads is at most this long. OAuth requests, Mastodon statuses and
 * the walkthroughs' JSON are a few kilobytes; 64 KB leaves room for any of them and stops one client
 * from making the server hold megabytes per request (RFC 9110 section 15.5.14, 413 Content Too Large).
 */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Past the limit, this much more of a body is still read and dropped (nothing is kept), so that the
 * client, which may still be sending, reads the 413 and may reuse its connection. Beyond it the
 * body is cut off, and so is the connection.
 */
export const DRAIN_BYTES = 1024 * 1024;

/** The body is longer than the limit: answered with 413, never held. */
export class BodyTooLargeError extends Error {
  constructor(
    readonly limit: number,
    /** False when the body was cut off unread: the connection cannot be used again. */
    readonly drained: boolean,
  ) {
    super(`The request body is larger than ${limit / 1024} KB`);
  }
}

const hasBody = (request: Request) =>
  request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null;

/** Reads and drops the rest of a refused body, up to DRAIN_BYTES; answers whether it all came. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<boolean> {
  for (let dropped = 0; dropped <= DRAIN_BYTES;) {
    const { done, value } = await reader.read();
    if (done) return true;
    dropped += value.byteLength;
  }
  await reader.cancel().catch(() => {});
  return false;
}

/**
 * The request's body, read only as far as `limit`: a declared Content-Length over the limit is refused
 * without keeping any of it, and a body without one (chunked) is counted while it streams and refused
 * as soon as it passes the limit. Answers null when the request has no body.
 */
export async function readBodyWithin(request: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array | null> {
  if (!hasBody(request)) return null;
  const reader = request.body!.getReader();
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    const drained = declared - limit <= DRAIN_BYTES && (await drain(reader));
    if (!drained) await reader.cancel().catch(() => {});
    throw new BodyTooLargeError(limit, drained);
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > limit) throw new BodyTooLargeError(limit, await drain(reader));
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

/** A body cut off unread leaves the rest on its way: the connection ends with the answer. */
export const tooLargeHeaders = (error: BodyTooLargeError): Record<string, string> =>
  error.drained ? {} : { connection: 'close' };

/** Our own routes' answer to an oversized body, in OAuth's error format. */
export const bodyTooLargeResponse = (error: BodyTooLargeError) =>
  errorResponse(
    413,
    'invalid_request',
    `${error.message}; the playground reads no more than that.`,
    tooLargeHeaders(error),
  );

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
