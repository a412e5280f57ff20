import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { testAuthorizationServer } from '../testing/authorization-server';
import { PEER_HEADER } from '../http/peer-address';
import { requesterOf, runNodeListener, toNodeRequest } from './node-bridge';

async function readAll(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += Buffer.from(chunk as Buffer).toString();
  return text;
}

describe('Web Request to Node request', () => {
  it('carries the body as a readable stream with a correct content-length and no transfer-encoding', async () => {
    const body = 'grant_type=client_credentials&scope=r%C3%A9sum%C3%A9';
    const req = await toNodeRequest(
      new Request('http://localhost:3000/oidc/token', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' },
      }),
      { mountPath: '/oidc' },
    );
    expect(req.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(req.headers['transfer-encoding']).toBeUndefined();
    expect(await readAll(req)).toBe(body);
  });

  it('strips the mount path from url and keeps the full path in originalUrl', async () => {
    const req = await toNodeRequest(new Request('http://localhost:3000/oidc/auth?client_id=a&scope=openid'), {
      mountPath: '/oidc',
    });
    expect(req.url).toBe('/auth?client_id=a&scope=openid');
    expect(req.originalUrl).toBe('/oidc/auth?client_id=a&scope=openid');
    expect(req.headers.host).toBe('localhost:3000');
  });

  it('maps the mount path itself to /', async () => {
    const req = await toNodeRequest(new Request('http://localhost:3000/oidc'), { mountPath: '/oidc' });
    expect(req.url).toBe('/');
  });

  it('does not strip a path that only starts with the mount path text', async () => {
    const req = await toNodeRequest(new Request('http://localhost:3000/oidcx/y'), { mountPath: '/oidc' });
    expect(req.url).toBe('/oidcx/y');
  });

  it('gives Koa a socket: encrypted for https, the requester’s address, never a forged X-Forwarded-For', async () => {
    const req = await toNodeRequest(
      new Request('https://play.example/oidc/token', {
        headers: { 'x-forwarded-for': '203.0.113.9', [PEER_HEADER]: '198.51.100.2' },
      }),
    );
    expect(req.socket).toMatchObject({ encrypted: true, remoteAddress: '198.51.100.2' });
    expect(req.headers['x-forwarded-for']).toBe('198.51.100.2');
    expect(req.connection).toBe(req.socket);
  });

  it('hands oidc-provider the requester it is given, for ctx.ip and the password grant', async () => {
    const requester = { address: '192.0.2.44', learnerId: 'AAAAAAAAAAAAAAAAAAAAAA' };
    const req = await toNodeRequest(new Request('http://localhost:3000/oidc/token'), { requester });
    expect(req.socket.remoteAddress).toBe('192.0.2.44');
    expect(requesterOf(req)).toEqual(requester);
  });

  it('sends no content-length and an empty stream for a GET', async () => {
    const req = await toNodeRequest(new Request('http://localhost:3000/oidc/jwks'));
    expect(req.headers['content-length']).toBeUndefined();
    expect(await readAll(req)).toBe('');
  });
});

describe('Node response to Web Response', () => {
  const listener = (handler: (req: IncomingMessage, res: ServerResponse) => void) => handler;

  it('keeps several Set-Cookie headers as separate headers', async () => {
    const { response } = await runNodeListener(
      listener((_req, res) => {
        res.setHeader('Set-Cookie', ['a=1; path=/; httponly', 'b=2; path=/interaction/x; samesite=lax']);
        res.end('ok');
      }),
      new Request('http://localhost:3000/oidc/x'),
    );
    expect(response.headers.getSetCookie()).toEqual([
      'a=1; path=/; httponly',
      'b=2; path=/interaction/x; samesite=lax',
    ]);
    expect(await response.text()).toBe('ok');
  });

  it('collects a body written in several chunks, with status and headers', async () => {
    const { response, res } = await runNodeListener(
      listener((_req, res) => {
        res.statusCode = 201;
        res.setHeader('Content-Type', 'application/json');
        res.write('{"a":');
        res.write(Buffer.from('1}'));
        res.end();
      }),
      new Request('http://localhost:3000/oidc/reg', { method: 'POST', body: '{}' }),
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ a: 1 });
    expect(res.body.toString()).toBe('{"a":1}');
  });

  it('answers a 204 with a null body', async () => {
    const { response } = await runNodeListener(
      listener((_req, res) => {
        res.writeHead(204, { 'Cache-Control': 'no-store' });
        res.end();
      }),
      new Request('http://localhost:3000/oidc/session/end/x', { method: 'POST', body: 'a=b' }),
    );
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers a HEAD with headers and a null body', async () => {
    const { response } = await runNodeListener(
      listener((_req, res) => {
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('Content-Length', '17');
        res.end('{"will":"vanish"}');
      }),
      new Request('http://localhost:3000/oidc/jwks', { method: 'HEAD' }),
    );
    expect(response.status).toBe(200);
    expect(response.body).toBeNull();
    expect(response.headers.get('content-type')).toBe('application/json');
  });
});

describe('the bridge in front of oidc-provider', () => {
  it('serves discovery with every endpoint under the /oidc mount path', async () => {
    const server = await testAuthorizationServer();
    const response = await server.call('/oidc/.well-known/openid-configuration');
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as Record<string, unknown>;
    expect(discovery.issuer).toBe('http://localhost:3999/oidc');
    expect(discovery.token_endpoint).toBe('http://localhost:3999/oidc/token');
    expect(discovery.jwks_uri).toBe('http://localhost:3999/oidc/jwks');
    await server.storage.close();
  });

  it('passes a form body through to the token endpoint', async () => {
    const server = await testAuthorizationServer();
    const response = await server.call('/oidc/token', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('playground-service:playground-service-secret').toString('base64')}`,
      },
      body: 'grant_type=client_credentials&scope=read&resource=http%3A%2F%2Flocalhost%3A3999%2Fapi',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ token_type: 'Bearer', scope: 'read', expires_in: 600 });
    await server.storage.close();
  });
});
