import { describe, expect, it } from 'vitest';
import {
  BodyTooLargeError,
  bodyLimited,
  bodyTooLargeResponse,
  DRAIN_BYTES,
  readBodyWithin,
  withinBodyLimit,
} from './body-limit';

/** A chunked body (no Content-Length) that counts how many of its chunks were pulled. */
function streamedRequest(chunks: number, chunkSize: number, headers: HeadersInit = {}) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(chunkSize).fill(97));
    },
  });
  const request = new Request('http://localhost/oidc/token', {
    method: 'POST',
    headers,
    body,
    duplex: 'half',
  } as RequestInit);
  return { request, pulled: () => pulled };
}

describe('request body limit', () => {
  it('reads a body within the limit whole', async () => {
    const request = new Request('http://localhost/x', { method: 'POST', body: 'a=1&b=2' });
    expect(new TextDecoder().decode((await readBodyWithin(request, 16))!)).toBe('a=1&b=2');
  });

  it('answers null for a request without a body', async () => {
    expect(await readBodyWithin(new Request('http://localhost/x'), 16)).toBeNull();
  });

  it('refuses a declared Content-Length over the limit, reading and dropping a little more', async () => {
    const { request, pulled } = streamedRequest(10, 8, { 'content-length': '80' });
    const refusal = await readBodyWithin(request, 16).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BodyTooLargeError);
    expect((refusal as BodyTooLargeError).drained).toBe(true);
    expect(pulled()).toBe(10);
  });

  it('cuts off a declared Content-Length far over the limit without reading it', async () => {
    const { request, pulled } = streamedRequest(10, 8, { 'content-length': String(16 + DRAIN_BYTES + 1) });
    const refusal = await readBodyWithin(request, 16).catch((error: unknown) => error);
    expect((refusal as BodyTooLargeError).drained).toBe(false);
    expect(pulled()).toBe(0);
  });

  it('counts a chunked body while it streams and keeps none of it past the limit', async () => {
    const { request, pulled } = streamedRequest(100, 8);
    const refusal = await readBodyWithin(request, 20).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BodyTooLargeError);
    expect((refusal as BodyTooLargeError).drained).toBe(true);
    expect(pulled()).toBe(100);
  });

  it('cuts off a chunked body once DRAIN_BYTES past the limit', async () => {
    const chunk = 64 * 1024;
    const { request, pulled } = streamedRequest(100, chunk);
    const refusal = await readBodyWithin(request, 16).catch((error: unknown) => error);
    expect((refusal as BodyTooLargeError).drained).toBe(false);
    // One chunk over the limit, then DRAIN_BYTES, and perhaps one the stream had queued.
    expect(pulled()).toBeLessThanOrEqual(DRAIN_BYTES / chunk + 3);
  });

  it('accepts a body of exactly the limit', async () => {
    const { request } = streamedRequest(2, 8);
    expect((await readBodyWithin(request, 16))?.byteLength).toBe(16);
  });

  it('hands on a request whose body can be read again as usual', async () => {
    const request = new Request('http://localhost/x', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"slug":"password"}',
    });
    const { request: bounded, body } = await withinBodyLimit(request, 64);
    expect(body?.byteLength).toBe(19);
    expect(await bounded.json()).toEqual({ slug: 'password' });
  });

  it('answers 413 in OAuth’s error format without running the handler', async () => {
    let ran = false;
    const handler = bodyLimited(async () => {
      ran = true;
      return new Response('ok');
    });
    const response = await handler(
      new Request('http://localhost/api/client/send', { method: 'POST', body: 'x'.repeat(100 * 1024) }),
    );
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBeNull();
    expect(await response.json()).toEqual({
      error: 'invalid_request',
      error_description: expect.stringContaining('64 KB'),
    });
    expect(ran).toBe(false);
  });

  it('closes the connection after refusing a body it cut off', () => {
    const response = bodyTooLargeResponse(new BodyTooLargeError(1024, false));
    expect(response.headers.get('connection')).toBe('close');
  });
});
