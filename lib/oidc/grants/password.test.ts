import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { PEER_HEADER } from '../../http/peer-address';
import { basic, form, authorizationServerPerFile, TEST_ORIGIN } from '../../testing/authorization-server';

const testServer = authorizationServerPerFile();

const FIRST_PARTY = basic('playground-first-party', 'playground-first-party-secret');

function token(
  fields: Record<string, string>,
  authorization: string | null = FIRST_PARTY,
  address = '192.0.2.10',
) {
  return testServer().call('/oidc/token', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      [PEER_HEADER]: address,
      ...(authorization ? { authorization } : {}),
    },
    body: form(fields),
  });
}

describe('password grant (RFC 6749 section 4.3)', () => {
  it('issues an access token, a refresh token for offline_access and an ID token for openid', async () => {
    const response = await token({
      grant_type: 'password',
      username: 'alice',
      password: 'wonderland',
      scope: 'openid profile offline_access',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, string | number>;
    expect(body).toMatchObject({
      token_type: 'Bearer',
      scope: 'openid profile offline_access',
      expires_in: 3600,
    });
    expect(typeof body.access_token).toBe('string');
    expect(typeof body.refresh_token).toBe('string');
    const idToken = decodeJwt(String(body.id_token));
    expect(idToken).toMatchObject({
      sub: 'alice',
      aud: 'playground-first-party',
      iss: `${TEST_ORIGIN}/oidc`,
      name: 'Alice Liddell',
    });
    expect(idToken.email).toBeUndefined();
  });

  it('answers userinfo for the opaque access token it issued', async () => {
    const body = (await (
      await token({ grant_type: 'password', username: 'bob', password: 'builder', scope: 'openid email' })
    ).json()) as { access_token: string };
    const userinfo = await testServer().call('/oidc/me', {
      headers: { authorization: `Bearer ${body.access_token}` },
    });
    expect(userinfo.status).toBe(200);
    expect(await userinfo.json()).toEqual({ sub: 'bob', email: 'bob@example.com', email_verified: false });
  });

  it('issues no refresh token without offline_access, and no ID token without openid', async () => {
    const body = (await (
      await token({ grant_type: 'password', username: 'alice', password: 'wonderland', scope: 'profile' })
    ).json()) as Record<string, unknown>;
    expect(body.access_token).toBeDefined();
    expect(body.refresh_token).toBeUndefined();
    expect(body.id_token).toBeUndefined();
  });

  it('refuses wrong credentials with invalid_grant and a reason', async () => {
    const response = await token({ grant_type: 'password', username: 'alice', password: 'looking-glass' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'invalid username or password',
    });
  });

  it('refuses an unknown user exactly as a wrong password', async () => {
    const response = await token({ grant_type: 'password', username: 'mallory', password: 'wonderland' });
    expect(await response.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'invalid username or password',
    });
  });

  it('requires client authentication', async () => {
    const response = await token({ grant_type: 'password', username: 'alice', password: 'wonderland' }, null);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: 'invalid_request',
      error_description: 'no client authentication mechanism provided',
    });
    const wrongSecret = await token(
      { grant_type: 'password', username: 'alice', password: 'wonderland' },
      basic('playground-first-party', 'nope'),
    );
    expect(wrongSecret.status).toBe(401);
    expect(((await wrongSecret.json()) as { error: string }).error).toBe('invalid_client');
  });

  // RFC 6749 section 5.2 names this unauthorized_client; oidc-provider answers invalid_request.
  it('refuses a client that is not registered for the password grant', async () => {
    const response = await token(
      { grant_type: 'password', username: 'alice', password: 'wonderland' },
      basic('playground-service', 'playground-service-secret'),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_request',
      error_description: 'requested grant type is not allowed for this client',
    });
  });

  it('requires username and password', async () => {
    const response = await token({ grant_type: 'password', username: 'alice' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('issues a JWT access token (RFC 9068) for the playground API resource', async () => {
    const body = (await (
      await token({
        grant_type: 'password',
        username: 'alice',
        password: 'wonderland',
        scope: 'openid read write:statuses',
        resource: `${TEST_ORIGIN}/api`,
      })
    ).json()) as { access_token: string; scope: string };
    expect(decodeProtectedHeader(body.access_token)).toMatchObject({ typ: 'at+jwt', alg: 'ES256' });
    expect(decodeJwt(body.access_token)).toMatchObject({
      sub: 'alice',
      aud: `${TEST_ORIGIN}/api`,
      client_id: 'playground-first-party',
      scope: 'read write:statuses',
    });
    expect(body.scope).toBe('read write:statuses');
  });

  it('refuses an unknown resource with invalid_target', async () => {
    const response = await token({
      grant_type: 'password',
      username: 'alice',
      password: 'wonderland',
      resource: 'https://elsewhere.example/api',
    });
    expect(await response.json()).toMatchObject({ error: 'invalid_target' });
  });

  it('issues a refresh token that rotates, and refuses the rotated one', async () => {
    const first = (await (
      await token({
        grant_type: 'password',
        username: 'alice',
        password: 'wonderland',
        scope: 'openid offline_access',
      })
    ).json()) as { refresh_token: string };
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as { refresh_token: string; id_token: string };
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(decodeJwt(second.id_token).sub).toBe('alice');
    const reused = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('slows down repeated failures for one account from one address only', async () => {
    for (let i = 0; i < 5; i++) {
      await token(
        { grant_type: 'password', username: 'bob', password: 'wrong' },
        FIRST_PARTY,
        '198.51.100.7',
      );
    }
    const throttled = await token(
      { grant_type: 'password', username: 'bob', password: 'builder' },
      FIRST_PARTY,
      '198.51.100.7',
    );
    expect(await throttled.json()).toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringMatching(/Too many failed sign-ins .* Try again in 10 minutes/),
    });
    const elsewhere = await token(
      { grant_type: 'password', username: 'bob', password: 'builder' },
      FIRST_PARTY,
      '198.51.100.8',
    );
    expect(elsewhere.status).toBe(200);
  });

  const asLearner = (learnerId: string, password: string) =>
    testServer().call(
      '/oidc/token',
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: FIRST_PARTY },
        body: form({ grant_type: 'password', username: 'alice', password }),
      },
      { address: '192.0.2.200', learnerId },
    );

  it('slows down one learner’s failures without locking a classmate behind the same address', async () => {
    for (let i = 0; i < 5; i++) expect((await asLearner('learner-one', 'wrong')).status).toBe(400);
    expect(await (await asLearner('learner-one', 'wonderland')).json()).toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringMatching(/from this browser\. Try again in 10 minutes/),
    });
    expect((await asLearner('learner-two', 'wonderland')).status).toBe(200);
  });

  it('clears a learner’s failures when they sign in', async () => {
    for (let i = 0; i < 4; i++) await asLearner('learner-three', 'wrong');
    expect((await asLearner('learner-three', 'wonderland')).status).toBe(200);
    for (let i = 0; i < 4; i++) await asLearner('learner-three', 'wrong');
    expect((await asLearner('learner-three', 'wonderland')).status).toBe(200);
  });
});
