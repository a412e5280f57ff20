import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../config/env';
import { basicCredentialsOf } from '../http/basic-auth';
import { authorizationServerPerFile, TEST_ORIGIN } from '../testing/authorization-server';
import { clientAuthentication, type Authenticating } from './client-authentication';
import { CLIENT_ASSERTION_TYPE } from './client-assertion';

const testServer = authorizationServerPerFile();
const env = readEnv({ PUBLIC_ORIGIN: TEST_ORIGIN });

beforeAll(() => {
  globalThis.playgroundAuthorizationServer = Promise.resolve(testServer());
});
afterAll(() => {
  globalThis.playgroundAuthorizationServer = undefined;
});

const tokenRequest = (request: Partial<Authenticating>): Authenticating => ({
  method: 'POST',
  path: '/oidc/token',
  headers: [],
  form: [{ name: 'grant_type' }],
  ...request,
});

describe('request composer: the chosen client authenticates as it would (RFC 6749 §2.3)', () => {
  it('a confidential client sends its id and secret in HTTP Basic, as it is registered (client_secret_basic)', async () => {
    const added = await clientAuthentication(tokenRequest({ client_id: 'playground-service' }), env);
    expect(added.form).toEqual([]);
    const [[name, value]] = added.headers as [[string, string]];
    expect(name).toBe('authorization');
    expect(basicCredentialsOf(value)).toEqual({
      clientId: 'playground-service',
      secret: 'playground-service-secret',
    });
    expect(added.added.join(' ')).not.toContain('playground-service-secret');
  });

  it('a public client sends its client_id in the form, unless the learner wrote one', async () => {
    const device = tokenRequest({ client_id: 'playground-tv', path: '/oidc/device/auth' });
    expect((await clientAuthentication(device, env)).form).toEqual([['client_id', 'playground-tv']]);
    const written = { ...device, form: [{ name: 'client_id' }] };
    expect(await clientAuthentication(written, env)).toMatchObject({ headers: [], form: [], added: [] });
  });

  it('a private_key_jwt client signs a fresh assertion for the issuer, for token requests only', async () => {
    const added = await clientAuthentication(tokenRequest({ client_id: 'playground-private-key-jwt' }), env);
    expect(added.headers).toEqual([]);
    expect(added.form[0]).toEqual(['client_assertion_type', CLIENT_ASSERTION_TYPE]);
    expect(decodeJwt(added.assertion!)).toMatchObject({
      iss: 'playground-private-key-jwt',
      aud: `${TEST_ORIGIN}/oidc`,
    });
    const elsewhere = tokenRequest({
      client_id: 'playground-private-key-jwt',
      path: '/oidc/token/introspection',
    });
    expect((await clientAuthentication(elsewhere, env)).assertion).toBeUndefined();
  });

  it('adds nothing over the learner’s own Authorization header, secret or assertion', async () => {
    for (const request of [
      tokenRequest({ client_id: 'playground-service', headers: [{ name: 'Authorization' }] }),
      tokenRequest({ client_id: 'playground-service', form: [{ name: 'client_secret' }] }),
      tokenRequest({ client_id: 'playground-private-key-jwt', form: [{ name: 'client_assertion' }] }),
    ])
      expect(await clientAuthentication(request, env)).toMatchObject({ headers: [], form: [], added: [] });
  });

  it('adds nothing where a client does not authenticate, nor without a client', async () => {
    for (const request of [
      tokenRequest({ client_id: 'playground-service', method: 'GET', path: '/oidc/me' }),
      tokenRequest({ client_id: 'playground-service', path: '/api/v1/statuses' }),
      tokenRequest({}),
    ])
      expect(await clientAuthentication(request, env)).toMatchObject({ headers: [], form: [], added: [] });
  });
});
