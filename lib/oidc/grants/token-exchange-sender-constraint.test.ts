import { calculateJwkThumbprint, decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { basic, form, authorizationServerPerFile, TEST_ORIGIN } from '../../testing/authorization-server';
import { assistantIdentifier, assistantResourceInfo, resourceIdentifier } from '../resource-server';
import { ACCESS_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT_TYPE } from './token-exchange';

// RFC 8693 with RFC 9449: a sender-constrained subject token stays sender-constrained through the
// exchange, the exchanged token never outlives it, and only the chat app gets tokens for the assistant.

const testServer = authorizationServerPerFile();
const ASSISTANT = basic('playground-assistant', 'playground-assistant-secret');
const API = resourceIdentifier(TEST_ORIGIN);
const TOKEN_ENDPOINT = `${TEST_ORIGIN}/oidc/token`;

async function dpopKey() {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = await exportJWK(publicKey);
  return { privateKey, jwk, jkt: await calculateJwkThumbprint(jwk) };
}
type DpopKey = Awaited<ReturnType<typeof dpopKey>>;

const proofFor = (key: DpopKey) =>
  new SignJWT({ htm: 'POST', htu: TOKEN_ENDPOINT })
    .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: key.jwk })
    .setIssuedAt()
    .setJti(crypto.randomUUID())
    .sign(key.privateKey);

/** Alice's token for the assistant, as the chat app gets it; bound to `key` when one is given (cnf.jkt). */
async function subjectToken({ key, expiresIn }: { key?: DpopKey; expiresIn?: number } = {}) {
  const { provider } = testServer();
  const client = (await provider.Client.find('playground-assistant-app'))!;
  const grant = new provider.Grant({ accountId: 'alice', clientId: client.clientId });
  grant.addResourceScope(assistantIdentifier(TEST_ORIGIN), 'read write');
  const at = new provider.AccessToken({
    accountId: 'alice',
    client,
    grantId: await grant.save(),
    scope: 'read write',
    gty: 'authorization_code',
    ...(expiresIn ? { expiresIn } : {}),
  });
  at.resourceServer = new provider.ResourceServer(
    assistantIdentifier(TEST_ORIGIN),
    assistantResourceInfo(TEST_ORIGIN),
  );
  if (key) at.setThumbprint('jkt', key.jkt);
  return at.save();
}

async function exchange(subject_token: string, proof?: string) {
  const response = await testServer().call('/oidc/token', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: ASSISTANT,
      ...(proof ? { dpop: proof } : {}),
    },
    body: form({
      grant_type: TOKEN_EXCHANGE_GRANT_TYPE,
      subject_token,
      subject_token_type: ACCESS_TOKEN_TYPE,
      resource: API,
      scope: 'read:accounts',
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string | number> };
}

describe('token exchange keeps the subject token’s sender constraint (RFC 9449 with RFC 8693)', () => {
  it('refuses a DPoP-bound subject token exchanged without a proof, with invalid_grant naming why', async () => {
    const key = await dpopKey();
    const { status, body } = await exchange(await subjectToken({ key }));
    expect(status).toBe(400);
    expect(body).toEqual({
      error: 'invalid_grant',
      error_description: `subject_token is DPoP-bound (cnf.jkt ${key.jkt}): the exchange needs a DPoP proof signed by that key`,
    });
  });

  it('refuses a DPoP-bound subject token exchanged with a proof by another key', async () => {
    const [bound, thief] = [await dpopKey(), await dpopKey()];
    const { status, body } = await exchange(await subjectToken({ key: bound }), await proofFor(thief));
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_grant');
    expect(body.error_description).toContain('not bound to');
  });

  it('binds the new token to the subject token’s key when the proof is by that key', async () => {
    const key = await dpopKey();
    const { status, body } = await exchange(await subjectToken({ key }), await proofFor(key));
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.token_type).toBe('DPoP');
    expect(decodeJwt(String(body.access_token))).toMatchObject({ cnf: { jkt: key.jkt }, sub: 'alice' });
  });

  it('refuses the same proof twice (jti replay)', async () => {
    const key = await dpopKey();
    const proof = await proofFor(key);
    expect((await exchange(await subjectToken({ key }), proof)).status).toBe(200);
    const replay = await exchange(await subjectToken({ key }), proof);
    expect(replay.body.error).toBe('invalid_dpop_proof');
  });

  it('binds the token of an unbound subject to the key of a proof sent with the exchange (RFC 9449 §5)', async () => {
    const key = await dpopKey();
    const { body } = await exchange(await subjectToken(), await proofFor(key));
    expect(body.token_type).toBe('DPoP');
    expect(decodeJwt(String(body.access_token)).cnf).toEqual({ jkt: key.jkt });
  });
});

describe('the exchanged token never outlives its subject token', () => {
  it('expires no later than the subject token, and its grant with it', async () => {
    const subject = await subjectToken({ expiresIn: 120 });
    const save = vi.spyOn(testServer().provider.Grant.prototype, 'save');
    const { body } = await exchange(subject);
    const exchanged = decodeJwt(String(body.access_token));
    expect(exchanged.exp!).toBeLessThanOrEqual(decodeJwt(subject).exp!);
    expect(Number(body.expires_in)).toBeLessThanOrEqual(120);
    const grant = save.mock.contexts.at(-1) as { exp?: number; expiresIn?: number };
    save.mockRestore();
    expect(grant.expiresIn).toBeLessThanOrEqual(120);
  });
});

describe('only the assistant’s chat app gets tokens for the assistant', () => {
  it('refuses another client asking for the assistant as resource, with invalid_target', async () => {
    const response = await testServer().call('/oidc/token', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic('playground-service', 'playground-service-secret'),
      },
      body: form({ grant_type: 'client_credentials', resource: assistantIdentifier(TEST_ORIGIN) }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_target',
      error_description: `only playground-assistant-app gets tokens for ${assistantIdentifier(TEST_ORIGIN)}`,
    });
  });
});
