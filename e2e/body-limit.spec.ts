import http from 'node:http';
import { expect, test } from './fixtures';
import { bearer, JSON_TYPE, passwordToken, registerApp } from './support/mastodon';
import { ORIGIN } from './support/origin';

// Bounded resources: a request body over 64 KB is refused with 413 before the server holds it whole,
// in the wire format of the endpoint it was sent to; an ordinary request still works.

const service = `Basic ${Buffer.from('playground-service:playground-service-secret').toString('base64')}`;
const FORM = 'application/x-www-form-urlencoded';
const grant = 'grant_type=client_credentials&scope=read';
const padded = (bytes: number) => `${grant}&padding=${'x'.repeat(bytes - grant.length - 9)}`;

/**
 * A POST whose body is sent chunked (no Content-Length), written by node:http as a script would: its
 * start, then `bytes` of padding in 16 KB chunks. Answers the status and body the server sent, even
 * when it answered (and closed) before the body was all sent.
 */
function chunkedPost(path: string, start: string, bytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${ORIGIN}${path}`, {
      method: 'POST',
      headers: { 'content-type': FORM, 'transfer-encoding': 'chunked' },
    });
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body }));
    });
    // The server may close the connection while the rest is on its way: the answer matters, not the write.
    request.on('error', (error) => (request.headersSent ? undefined : reject(error)));
    request.write(start);
    for (let sent = 0; sent < bytes; sent += 16 * 1024)
      request.write('x'.repeat(Math.min(16 * 1024, bytes - sent)));
    request.end();
  });
}

test.describe('request bodies over 64 KB', () => {
  test('/oidc/token answers 413 in OAuth’s error format, and a small body still gets a token', async ({
    request,
  }) => {
    const tooLarge = await request.post('/oidc/token', {
      headers: { authorization: service, 'content-type': FORM },
      data: padded(100 * 1024),
    });
    expect(tooLarge.status()).toBe(413);
    expect(await tooLarge.json()).toEqual({
      error: 'invalid_request',
      error_description: expect.stringContaining('larger than 64 KB'),
    });

    const small = await request.post('/oidc/token', {
      headers: { authorization: service, 'content-type': FORM },
      data: grant,
    });
    expect(small.status()).toBe(200);
    expect(await small.json()).toMatchObject({ token_type: 'Bearer' });
  });

  test('/oidc/token counts a chunked body without Content-Length and refuses it past 64 KB', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode(`${grant}&padding=`));
        if (sent >= 100 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${ORIGIN}/oidc/token`, {
      method: 'POST',
      headers: { authorization: service, 'content-type': FORM },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_request');
  });

  test('/api/v1/statuses answers 413 in Mastodon’s error shape, and a small status is posted', async ({
    request,
  }) => {
    const app = await registerApp(request);
    const alice = await passwordToken(app);
    const tooLarge = await request.post('/api/v1/statuses', {
      headers: bearer(alice),
      form: { status: 'x'.repeat(100 * 1024) },
    });
    expect(tooLarge.status()).toBe(413);
    expect(tooLarge.headers()['content-type']).toContain(JSON_TYPE);
    expect(await tooLarge.json()).toEqual({ error: 'The request body is larger than 64 KB' });

    const small = await request.post('/api/v1/statuses', {
      headers: bearer(alice),
      form: { status: 'A status of ordinary length' },
    });
    expect(small.status()).toBe(200);
    expect(await small.json()).toMatchObject({
      content: '<p>A status of ordinary length</p>',
      application: { name: 'E2E app' },
    });
  });

  test('a sign-in form, which passes through the proxy, answers 413 past 64 KB and is handled below it', async ({
    request,
  }) => {
    const tooLarge = await request.post('/interaction/no-such-interaction/login', {
      form: { username: 'alice', password: 'x'.repeat(100 * 1024) },
      maxRedirects: 0,
    });
    expect(tooLarge.status()).toBe(413);
    expect(((await tooLarge.json()) as { error: string }).error).toBe('invalid_request');

    const small = await request.post('/interaction/no-such-interaction/login', {
      form: { username: 'alice', password: 'wonderland' },
      maxRedirects: 0,
    });
    expect(small.status()).toBe(303);
  });

  test('a chunked body on a route behind the proxy is refused with 411 (its length required), never cut short and handled', async () => {
    for (const path of [
      '/interaction/no-such-interaction/login',
      '/attacks/authorization-server/token-without-downgrade-check',
    ]) {
      for (const bytes of [100 * 1024, 16]) {
        const answer = await chunkedPost(path, 'username=alice&password=', bytes);
        expect(answer.status, `${path}, ${bytes} bytes chunked`).toBe(411);
        expect(JSON.parse(answer.body)).toEqual({
          error: 'invalid_request',
          error_description: expect.stringContaining('must declare its length (Content-Length)'),
        });
      }
    }
  });

  test('a chunked body past 64 KB on the playground’s APIs is refused with 413, as with Content-Length', async () => {
    const answer = await chunkedPost('/api/client/send', 'padding=', 100 * 1024);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: 'invalid_request' });
  });
});
