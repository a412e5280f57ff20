import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PEER_HEADER } from '../../../../lib/http/peer-address';
import { authorizationServerPerFile, form, TEST_ORIGIN } from '../../../../lib/testing/authorization-server';
import { tokenWithoutDowngradeCheck, type DowngradeWrapperParts } from './pkce-downgrade';

const testServer = authorizationServerPerFile();

const LAB = 'lab-web-pkce-optional';
const VERIFIER = 'alices-code-verifier-alices-code-verifier-0123456789';
const REDIRECT_URI = `${TEST_ORIGIN}/callback`;

/** A code as oidc-provider issues it after bob signed in, with or without a code_challenge. */
async function codeFor(clientId: string, codeChallenge?: string) {
  const { provider } = testServer();
  const client = (await provider.Client.find(clientId))!;
  const grant = new provider.Grant({ accountId: 'bob', clientId });
  grant.addOIDCScope('openid');
  const grantId = await grant.save();
  return new provider.AuthorizationCode({
    accountId: 'bob',
    client,
    grantId,
    scope: 'openid',
    gty: 'authorization_code',
    redirectUri: REDIRECT_URI,
    ...(codeChallenge ? { codeChallenge, codeChallengeMethod: 'S256' } : {}),
  }).save();
}

const parts = (): DowngradeWrapperParts => ({
  findCode: (code) => testServer().provider.AuthorizationCode.find(code),
  forward: (fields) =>
    testServer().call('/oidc/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', [PEER_HEADER]: '192.0.2.30' },
      body: fields,
    }),
});

const redemption = (code: string, clientId = LAB) => ({
  grant_type: 'authorization_code',
  code,
  redirect_uri: REDIRECT_URI,
  client_id: clientId,
  code_verifier: VERIFIER,
});

async function viaWrapper(fields: Record<string, string>, contentType = 'application/x-www-form-urlencoded') {
  const request = new Request(`${TEST_ORIGIN}/attacks/authorization-server/token-without-downgrade-check`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: form(fields),
  });
  const response = await tokenWithoutDowngradeCheck(request, parts());
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

async function viaTokenEndpoint(fields: Record<string, string>) {
  const response = await parts().forward(form(fields));
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

describe('the lab’s token endpoint without the PKCE downgrade check (RFC 9700 §4.8.2, deliberately vulnerable)', () => {
  it('redeems a code issued without a challenge although the client sends a code_verifier: the downgrade', async () => {
    const answer = await viaWrapper(redemption(await codeFor(LAB)));
    expect(answer.status).toBe(200);
    const me = await testServer().call('/oidc/me', {
      headers: { authorization: `Bearer ${answer.body.access_token}` },
    });
    expect(((await me.json()) as { sub: string }).sub).toBe('bob');
  });

  it('is what oidc-provider’s own token endpoint refuses: a code_verifier without a challenge is invalid_grant', async () => {
    const answer = await viaTokenEndpoint(redemption(await codeFor(LAB)));
    expect(answer).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'grant request is invalid' },
    });
  });

  it('refuses a code issued with a challenge instead of passing it on weakened', async () => {
    const challenge = createHash('sha256').update(VERIFIER).digest('base64url');
    const answer = await viaWrapper({ ...redemption(await codeFor(LAB, challenge)), code_verifier: 'wrong' });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: 'invalid_request',
      error_description: expect.stringContaining('issued with a code_challenge'),
    });
  });

  it('refuses every client but the lab’s pkce-downgrade client, walkthrough clients included', async () => {
    for (const clientId of ['playground-spa', 'lab-web-without-pkce', '']) {
      const answer = await viaWrapper(redemption('any-code', clientId));
      expect(answer.status).toBe(403);
      expect(answer.body.error).toBe('unauthorized_client');
      expect(answer.body.error_description).toMatch(
        /deliberately vulnerable .* Every other client uses \/oidc\/token/,
      );
    }
  });

  it('refuses anything but a form with an authorization code', async () => {
    expect((await viaWrapper({ ...redemption('x'), grant_type: 'refresh_token' })).body.error).toBe(
      'unsupported_grant_type',
    );
    const { code: _code, ...withoutCode } = redemption('x');
    void _code;
    expect(await viaWrapper(withoutCode)).toEqual({
      status: 400,
      body: { error: 'invalid_request', error_description: 'code is missing.' },
    });
    expect((await viaWrapper(redemption('x'), 'application/json')).status).toBe(400);
  });

  it('passes an unknown code on unchanged, for the real token endpoint to refuse in its own words', async () => {
    expect(await viaWrapper(redemption('not-a-code'))).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'grant request is invalid' },
    });
  });
});
