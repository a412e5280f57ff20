import { describe, expect, it } from 'vitest';
import { sendSchema } from '../client/backend';
import { PEER_HEADER } from '../http/peer-address';
import { demoClients } from '../oidc/clients';
import { authorizationServerPerFile, basic, form, TEST_ORIGIN } from '../testing/authorization-server';
import { LAB_CLIENTS, weaknessesOf } from './lab-clients';

const testServer = authorizationServerPerFile();

const WEAK = 'lab-spa-without-rotation';
const DEFENDED = 'lab-spa-with-rotation';
const WALKTHROUGH = 'playground-first-party';

/** A token request as a public lab client (client_id in the form) or as the walkthrough's confidential one. */
async function token(clientId: string, fields: Record<string, string>) {
  const confidential = clientId === WALKTHROUGH;
  const response = await testServer().call('/oidc/token', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      [PEER_HEADER]: '192.0.2.20',
      ...(confidential ? { authorization: basic(clientId, `${clientId}-secret`) } : {}),
    },
    body: form({ ...fields, ...(confidential ? {} : { client_id: clientId }) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

const signIn = (clientId: string) =>
  token(clientId, {
    grant_type: 'password',
    username: 'alice',
    password: 'wonderland',
    scope: 'openid offline_access read',
  });

const refresh = (clientId: string, refreshToken: string) =>
  token(clientId, { grant_type: 'refresh_token', refresh_token: refreshToken });

const userinfo = async (accessToken: string) =>
  (await testServer().call('/oidc/me', { headers: { authorization: `Bearer ${accessToken}` } })).status;

describe('the attack lab’s clients (deliberately vulnerable, lab only)', () => {
  it('lets the weak lab client reuse a refresh token after it refreshed (no rotation)', async () => {
    const { body: first } = await signIn(WEAK);
    const legitimate = await refresh(WEAK, first.refresh_token!);
    expect(legitimate.status).toBe(200);
    expect(legitimate.body.refresh_token).toBe(first.refresh_token);
    const replayed = await refresh(WEAK, first.refresh_token!);
    expect(replayed.status).toBe(200);
    expect(await userinfo(replayed.body.access_token!)).toBe(200);
  });

  it('rotates for the defended lab client: the replay is refused and the whole grant revoked (RFC 9700 §4.14.2)', async () => {
    const { body: first } = await signIn(DEFENDED);
    const legitimate = await refresh(DEFENDED, first.refresh_token!);
    expect(legitimate.body.refresh_token).not.toBe(first.refresh_token);
    expect(await userinfo(legitimate.body.access_token!)).toBe(200);
    const replayed = await refresh(DEFENDED, first.refresh_token!);
    expect(replayed).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'grant request is invalid' },
    });
    expect(await userinfo(legitimate.body.access_token!)).toBe(401);
    expect((await refresh(DEFENDED, legitimate.body.refresh_token!)).status).toBe(400);
  });

  it('never weakens a walkthrough client: it still refuses the reuse the weak lab client accepts', async () => {
    const { body: first } = await signIn(WALKTHROUGH);
    expect((await refresh(WALKTHROUGH, first.refresh_token!)).status).toBe(200);
    expect((await refresh(WALKTHROUGH, first.refresh_token!)).body.error).toBe('invalid_grant');
  });

  it('lets the lab web app send no code_challenge, while a walkthrough client is refused without one', async () => {
    const authorize = (clientId: string) =>
      testServer().call(
        `/oidc/auth?${new URLSearchParams({
          client_id: clientId,
          response_type: 'code',
          redirect_uri: `${TEST_ORIGIN}/callback`,
          scope: 'openid',
        })}`,
        { headers: { [PEER_HEADER]: '192.0.2.20' } },
      );
    const weak = await authorize('lab-web-without-pkce');
    expect(weak.status).toBe(303);
    expect(weak.headers.get('location')).toMatch(/^\/interaction\//);
    const walkthrough = new URL((await authorize('playground-web')).headers.get('location')!);
    expect(walkthrough.origin + walkthrough.pathname).toBe(`${TEST_ORIGIN}/callback`);
    expect(walkthrough.searchParams.get('error')).toBe('invalid_request');
    expect(walkthrough.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('lets the lab implicit app send the implicit flow to its open-redirecting redirect URI, which a walkthrough client cannot use', async () => {
    const authorize = (clientId: string) =>
      testServer().call(
        `/oidc/auth?${new URLSearchParams({
          client_id: clientId,
          response_type: 'id_token token',
          redirect_uri: `${TEST_ORIGIN}/attacks/implicit-app/callback`,
          scope: 'openid',
          nonce: 'nonce-1',
        })}`,
        { headers: { [PEER_HEADER]: '192.0.2.20' } },
      );
    const lab = await authorize('lab-implicit-open-redirect');
    expect(lab.status).toBe(303);
    expect(lab.headers.get('location')).toMatch(/^\/interaction\//);
    const walkthrough = await authorize('playground-implicit');
    expect(walkthrough.status).toBe(400);
    expect(await walkthrough.text()).toContain('redirect_uri did not match any of the client');
  });

  it('weakens nothing for the lab mix-up client: PKCE is required of it as of a walkthrough client (its flaw is the client’s own, no iss check)', async () => {
    expect(weaknessesOf('lab-mix-up-client')).toEqual({});
    const response = await testServer().call(
      `/oidc/auth?${new URLSearchParams({
        client_id: 'lab-mix-up-client',
        response_type: 'code',
        redirect_uri: `${TEST_ORIGIN}/callback`,
        scope: 'openid',
      })}`,
      { headers: { [PEER_HEADER]: '192.0.2.20' } },
    );
    const refused = new URL(response.headers.get('location')!);
    expect(refused.searchParams.get('error')).toBe('invalid_request');
    expect(refused.searchParams.get('error_description')).toMatch(/PKCE/);
    expect(refused.searchParams.get('iss')).toBe(`${TEST_ORIGIN}/oidc`);
  });

  it('declares weaknesses only for lab clients, and keeps them out of the demo clients and the client backend', () => {
    expect(weaknessesOf(WEAK)).toEqual({ rotateRefreshToken: false });
    expect(weaknessesOf(WALKTHROUGH)).toEqual({});
    expect(weaknessesOf(undefined)).toEqual({});
    const demo = new Set(demoClients('http://localhost:3000').map((client) => client.client_id));
    expect(LAB_CLIENTS.filter((client) => demo.has(client.client_id))).toEqual([]);
    const asBackend = sendSchema.safeParse({
      client_id: WEAK,
      request: { method: 'POST', path: '/oidc/token', form: {} },
    });
    expect(asBackend.success).toBe(false);
  });

  it('labels every weak lab client as deliberately vulnerable', () => {
    const weak = LAB_CLIENTS.filter((client) => client.weaknesses);
    expect(weak.length).toBeGreaterThan(0);
    for (const client of weak)
      expect(client.metadata('http://localhost:3000').client_name).toMatch(/deliberately vulnerable/);
  });
});
