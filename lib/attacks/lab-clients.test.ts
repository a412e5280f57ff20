import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { sendSchema } from '../client/backend';
import { PEER_HEADER } from '../http/peer-address';
import { demoClients } from '../oidc/clients';
import { authorizationServerPerFile, basic, form, TEST_ORIGIN } from '../testing/authorization-server';
import { resourceIdentifier } from '../oidc/resource-server';
import { SERVER_COMPOSITION } from '../../app/composition';
import { weakClientRegistrations, weaknessesOf } from '../oidc/weak-clients';

const LAB_CLIENTS = SERVER_COMPOSITION.weakClients;
import { errorOnPage } from '../../machines/attacks/redirect-uri-manipulation/lab/redirect-uri-manipulation';
import { manipulatedRedirectUri } from '../../machines/attacks/redirect-uri-manipulation/lab/redirect-uri-link';

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

const VERIFIER = 'a-code-verifier-of-forty-three-characters-or-more';

/** alice's code for a client, minted by the real provider as its authorization endpoint would, with PKCE. */
async function codeFor(clientId: string) {
  const { provider } = testServer();
  const client = (await provider.Client.find(clientId))!;
  const grant = new provider.Grant({ accountId: 'alice', clientId });
  grant.addResourceScope(resourceIdentifier(TEST_ORIGIN), 'read');
  const grantId = await grant.save();
  return new provider.AuthorizationCode({
    accountId: 'alice',
    client,
    grantId,
    redirectUri: `${TEST_ORIGIN}/callback`,
    scope: 'read',
    resource: resourceIdentifier(TEST_ORIGIN),
    codeChallenge: createHash('sha256').update(VERIFIER).digest('base64url'),
    codeChallengeMethod: 'S256',
    gty: 'authorization_code',
  }).save();
}

const redeem = async (clientId: string) =>
  token(clientId, {
    grant_type: 'authorization_code',
    code: await codeFor(clientId),
    redirect_uri: `${TEST_ORIGIN}/callback`,
    code_verifier: VERIFIER,
  });

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

  it('issues the bearer-token lab app a bearer token without any proof, while the DPoP walkthrough’s app is refused one', async () => {
    const weak = await redeem('lab-spa-bearer-tokens');
    expect(weak.status).toBe(200);
    expect(weak.body.token_type).toBe('Bearer');
    expect(decodeJwt(weak.body.access_token!).cnf).toBeUndefined();
    // RFC 9449 §5.2: a client registered with dpop_bound_access_tokens gets no token without a proof.
    const details: unknown[] = [];
    const onError = (_ctx: unknown, error: { error_detail?: unknown }) => details.push(error.error_detail);
    testServer().provider.on('grant.error', onError);
    try {
      for (const bound of ['playground-dpop', 'lab-spa-dpop'])
        expect(await redeem(bound)).toEqual({
          status: 400,
          body: { error: 'invalid_grant', error_description: 'grant request is invalid' },
        });
    } finally {
      testServer().provider.off('grant.error', onError);
    }
    expect(details).toEqual(['DPoP proof JWT not provided', 'DPoP proof JWT not provided']);
    const registered = weakClientRegistrations(TEST_ORIGIN).find(
      (client) => client.client_id === 'lab-spa-bearer-tokens',
    );
    expect(registered?.dpop_bound_access_tokens).toBe(false);
  });

  it('lets the loose lab app through with a redirect_uri that only starts with its registered one, while the exact lab app and a walkthrough client are refused', async () => {
    const authorize = (clientId: string) =>
      testServer().call(
        `/oidc/auth?${new URLSearchParams({
          client_id: clientId,
          response_type: 'code',
          redirect_uri: manipulatedRedirectUri(TEST_ORIGIN),
          scope: 'openid',
          code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
          code_challenge_method: 'S256',
        })}`,
        { headers: { [PEER_HEADER]: '192.0.2.20' } },
      );
    const loose = await authorize('lab-spa-loose-redirect');
    expect(loose.status).toBe(303);
    expect(loose.headers.get('location')).toMatch(/^\/interaction\//);
    for (const clientId of ['lab-spa-exact-redirect', 'playground-spa']) {
      const refused = await authorize(clientId);
      // Not redirected anywhere: the server's own error page (RFC 6749 §4.1.2.1).
      expect(refused.status).toBe(400);
      expect(refused.headers.get('location')).toBeNull();
      expect(errorOnPage(await refused.text())).toEqual({
        error: 'invalid_redirect_uri',
        error_description: "redirect_uri did not match any of the client's registered redirect_uris",
      });
    }
  });

  it('gives the prefix match and the downgrade wrapper to one lab client each', () => {
    expect(weaknessesOf('lab-spa-loose-redirect').redirectUriMatching).toBe('prefix');
    expect(
      LAB_CLIENTS.filter((client) => client.weaknesses?.redirectUriMatching).map((c) => c.client_id),
    ).toEqual(['lab-spa-loose-redirect']);
    expect(
      LAB_CLIENTS.filter((client) => client.weaknesses?.refuseCodeVerifierWithoutChallenge === false).map(
        (client) => client.client_id,
      ),
    ).toEqual(['lab-web-pkce-optional']);
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
    expect(weaknessesOf('lab-spa-bearer-tokens')).toEqual({ dpopBoundAccessTokens: false });
    expect(weaknessesOf('playground-dpop')).toEqual({});
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
