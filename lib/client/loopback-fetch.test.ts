import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchOverLoopback } from './loopback-fetch';

let server: http.Server;
let internalOrigin = '';
beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      response.setHeader('set-cookie', ['a=1', 'b=2']);
      response.statusCode = request.url === '/redirect' ? 303 : 200;
      if (request.url === '/redirect') response.setHeader('location', '/elsewhere');
      response.end(JSON.stringify({ host: request.headers.host, url: request.url, body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  internalOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the server calling itself over loopback', () => {
  it('travels to the loopback address but names the public origin in its Host header', async () => {
    const response = await fetchOverLoopback(
      internalOrigin,
      'https://playground.example',
      '/oidc/token?x=1',
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials' }),
      },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      host: 'playground.example',
      url: '/oidc/token?x=1',
      body: 'grant_type=client_credentials',
    });
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
  });

  it('does not follow a redirect: the 303 is the answer', async () => {
    const response = await fetchOverLoopback(internalOrigin, 'http://localhost:3000', '/redirect', {
      method: 'GET',
      headers: {},
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/elsewhere');
  });
});
