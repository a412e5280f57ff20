import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { basic, form, authorizationServerPerFile, TEST_ORIGIN } from '../../testing/authorization-server';
import { assistantIdentifier, assistantResourceInfo, resourceIdentifier } from '../resource-server';
import { ACCESS_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT_TYPE } from './token-exchange';

const testServer = authorizationServerPerFile();

const ASSISTANT = basic('playground-assistant', 'playground-assistant-secret');
const API = resourceIdentifier(TEST_ORIGIN);

function token(fields: Record<string, string>, authorization: string = ASSISTANT) {
  return testServer().call('/oidc/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization },
    body: form(fields),
  });
}

/**
 * Alice's access token for the assistant's audience, as the chat app's code flow gets it: made by the
 * real provider, signed with its keys, for `resource=<origin>/assistant`.
 */
async function aliceTokenForTheAssistant(scope = 'read write', resource = assistantIdentifier(TEST_ORIGIN)) {
  const { provider } = testServer();
  const client = (await provider.Client.find('playground-assistant-app'))!;
  const grant = new provider.Grant({ accountId: 'alice', clientId: 'playground-assistant-app' });
  grant.addResourceScope(resource, scope);
  const grantId = await grant.save();
  const at = new provider.AccessToken({
    accountId: 'alice',
    client,
    grantId,
    scope,
    gty: 'authorization_code',
  });
  at.resourceServer = new provider.ResourceServer(resource, {
    ...assistantResourceInfo(TEST_ORIGIN),
    audience: resource,
  });
  return at.save();
}

async function assistantActorToken() {
  const response = await token({ grant_type: 'client_credentials' });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function exchange(fields: Record<string, string> = {}) {
  return token({
    grant_type: TOKEN_EXCHANGE_GRANT_TYPE,
    subject_token: await aliceTokenForTheAssistant(),
    subject_token_type: ACCESS_TOKEN_TYPE,
    actor_token: await assistantActorToken(),
    actor_token_type: ACCESS_TOKEN_TYPE,
    resource: API,
    scope: 'read:accounts write:statuses',
    ...fields,
  });
}

describe('token exchange (RFC 8693)', () => {
  it('is listed in discovery’s grant_types_supported', async () => {
    const response = await testServer().call('/oidc/.well-known/openid-configuration');
    const metadata = (await response.json()) as { grant_types_supported: string[] };
    expect(metadata.grant_types_supported).toContain(TOKEN_EXCHANGE_GRANT_TYPE);
  });

  it('issues a JWT for the API with sub = the user and act = the agent, with the narrower scope (§2.2, §4.1)', async () => {
    const response = await exchange();
    const text = await response.clone().text();
    expect(response.status, text).toBe(200);
    const body = (await response.json()) as Record<string, string | number>;
    expect(body).toMatchObject({
      issued_token_type: ACCESS_TOKEN_TYPE,
      token_type: 'Bearer',
      scope: 'read:accounts write:statuses',
    });
    // An hour, the API's lifetime, but never past the subject token's exp (made an hour ago at most).
    expect(body.expires_in).toBeGreaterThan(3590);
    expect(body.expires_in).toBeLessThanOrEqual(3600);
    expect(decodeProtectedHeader(String(body.access_token)).typ).toBe('at+jwt');
    expect(decodeJwt(String(body.access_token))).toMatchObject({
      iss: `${TEST_ORIGIN}/oidc`,
      sub: 'alice',
      aud: API,
      client_id: 'playground-assistant',
      scope: 'read:accounts write:statuses',
      act: { sub: 'playground-assistant' },
    });
  });

  it('keeps the subject token’s scope when none is asked for', async () => {
    const response = await exchange({ scope: '' });
    expect(await response.json()).toMatchObject({ scope: 'read write' });
  });

  it('issues no act claim without an actor token (impersonation)', async () => {
    const response = await exchange({ actor_token: '', actor_token_type: '' });
    const body = (await response.json()) as { access_token: string };
    expect(decodeJwt(body.access_token).act).toBeUndefined();
  });

  it('refuses a scope wider than the subject token’s with invalid_scope', async () => {
    const response = await exchange({ scope: 'read write follow' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_scope',
      error_description: 'requested scope exceeds the subject_token’s scope (read write)',
      scope: 'follow',
    });
  });

  it('refuses another audience or resource with invalid_target', async () => {
    const targets: Array<Record<string, string>> = [
      { audience: 'https://mail.example/api' },
      { resource: 'https://mail.example/api' },
    ];
    for (const target of targets) {
      const response = await exchange({ resource: '', ...target });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: 'invalid_target',
        error_description: `https://mail.example/api is not an audience this server issues exchanged tokens for; it issues them for ${API}`,
      });
    }
  });

  it('refuses a subject token for another audience (the API itself) with invalid_grant', async () => {
    const response = await exchange({ subject_token: await aliceTokenForTheAssistant('read', API) });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringContaining(
        `subject_token is not a valid access token for ${assistantIdentifier(TEST_ORIGIN)}`,
      ),
    });
  });

  it('refuses a subject token that is not a JWT from this server', async () => {
    const response = await exchange({ subject_token: 'not-a-token' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('refuses an actor token that is not the client’s own', async () => {
    const service = await testServer().call('/oidc/token', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic('playground-service', 'playground-service-secret'),
      },
      body: form({ grant_type: 'client_credentials' }),
    });
    const { access_token } = (await service.json()) as { access_token: string };
    const response = await exchange({ actor_token: access_token });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'actor_token was issued to playground-service, not to playground-assistant',
    });
  });

  it('requires subject_token and its type (§2.1)', async () => {
    const missing = await exchange({ subject_token: '' });
    expect(await missing.json()).toEqual({
      error: 'invalid_request',
      error_description: "missing required parameter 'subject_token'",
    });
    const wrongType = await exchange({ subject_token_type: 'urn:ietf:params:oauth:token-type:id_token' });
    expect(await wrongType.json()).toEqual({
      error: 'invalid_request',
      error_description: `subject_token_type must be ${ACCESS_TOKEN_TYPE}`,
    });
  });

  it('refuses a client not registered for the grant, with oidc-provider’s own check', async () => {
    const other = await token(
      { grant_type: TOKEN_EXCHANGE_GRANT_TYPE, subject_token: 'x', subject_token_type: ACCESS_TOKEN_TYPE },
      basic('playground-service', 'playground-service-secret'),
    );
    expect(other.status).toBe(400);
    expect(await other.json()).toMatchObject({ error: 'invalid_request' });
  });
});
