import { describe, expect, it } from 'vitest';
import { readEnv } from '../config/env';
import { sendAsClientBackend, sendSchema } from './backend';

const send = (path: string) =>
  sendSchema.safeParse({ client_id: 'playground-first-party', request: { method: 'GET', path } });

describe('client backend: which paths it sends to', () => {
  it('sends to the playground’s own endpoints', () => {
    expect(send('/oidc/token').success).toBe(true);
    expect(send('/api/v1/accounts/verify_credentials').success).toBe(true);
  });

  it('refuses a path that only starts with an allowed prefix and climbs out with dot segments', () => {
    const climbing = send('/oidc/../api/rooms/ABCD2345');
    expect(climbing.success).toBe(false);
    expect(climbing.error?.issues[0]?.message).toMatch(/must not contain \. or \.\. segments/);
    expect(send('/api/v1/./../../api/trace').success).toBe(false);
  });
});

describe('client backend: a DPoP proof the browser signed', () => {
  const withProof = (dpop: string) =>
    sendSchema.safeParse({
      client_id: 'playground-assistant',
      request: { method: 'POST', path: '/oidc/token', headers: { dpop } },
    });

  it('forwards a compact JWS as the DPoP header, and nothing else', () => {
    expect(withProof('eyJhbGciOiJFUzI1NiJ9.eyJodG0iOiJQT1NUIn0.c2ln').success).toBe(true);
    const injected = withProof('a.b.c\r\nx-injected: 1');
    expect(injected.success).toBe(false);
    expect(injected.error?.issues[0]?.message).toBe('headers.dpop must be a DPoP proof (a compact JWS)');
  });

  it('presents a bound token with the DPoP scheme (RFC 9449 §7.1) or a Bearer token, and no other scheme', () => {
    const presenting = (authorization: string) =>
      sendSchema.safeParse({
        client_id: 'playground-assistant',
        request: { method: 'GET', path: '/api/v1/accounts/verify_credentials', headers: { authorization } },
      });
    expect(presenting('DPoP eyJ.a.b').success).toBe(true);
    expect(presenting('Bearer eyJ.a.b').success).toBe(true);
    const basic = presenting('Basic cGxheWdyb3VuZDpzZWNyZXQ=');
    expect(basic.success).toBe(false);
    expect(basic.error?.issues[0]?.message).toBe(
      'headers.authorization must be "Bearer <token>" or "DPoP <token>"',
    );
    expect(presenting('DPoP a\r\nx-injected: 1').success).toBe(false);
  });
});

describe('client backend: signing a client assertion (private_key_jwt)', () => {
  const withAssertion = (clientAssertion: unknown) =>
    sendSchema.safeParse({
      client_id: 'playground-private-key-jwt',
      request: {
        method: 'POST',
        path: '/oidc/token',
        form: { grant_type: 'client_credentials' },
        clientAssertion,
      },
    });

  it('accepts an audience that is a URL', () => {
    expect(withAssertion({ aud: 'https://other-server.example/oauth2/token' }).success).toBe(true);
  });

  it('refuses an audience that is not a URL, and claims it does not sign', () => {
    const notUrl = withAssertion({ aud: 'not a url' });
    expect(notUrl.success).toBe(false);
    expect(notUrl.error?.issues[0]?.message).toBe(
      'clientAssertion.aud must be a URL (the audience of the assertion)',
    );
    expect(withAssertion({ aud: 'https://a.example', iss: 'someone-else' }).success).toBe(false);
  });
});

describe('client backend: only a private_key_jwt client gets an assertion signed', () => {
  it('refuses to sign for a client that authenticates with its secret, and says why', async () => {
    const response = await sendAsClientBackend(
      new Request('http://localhost:3000/api/client/send', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          client_id: 'playground-service',
          request: {
            method: 'POST',
            path: '/oidc/token',
            clientAssertion: { aud: 'https://a.example/token' },
          },
        }),
      }),
      readEnv({}),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_request',
      error_description:
        'clientAssertion: playground-service authenticates with a client secret, not with private_key_jwt',
    });
  });
});
