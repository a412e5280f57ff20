import { describe, expect, it } from 'vitest';
import { elideUrl, readsServerCookies, requestCarries, responseCarries } from './carries';
import { codeFlow, exchange } from './exchanges.testing';

const [authorize, login, resume, token, api] = codeFlow as [
  (typeof codeFlow)[0],
  (typeof codeFlow)[0],
  (typeof codeFlow)[0],
  (typeof codeFlow)[0],
  (typeof codeFlow)[0],
];

describe('what a request carries, read from the recorded request', () => {
  it('a token request with an authorization code names code + code_verifier (RFC 7636 section 4.5)', () => {
    expect(requestCarries(token)).toBe('code + code_verifier');
  });

  it('names the client secret of a Basic Authorization header (RFC 6749 section 2.3.1)', () => {
    const confidential = exchange(
      9,
      'client',
      'authorization-server',
      {
        method: 'POST',
        url: '/oidc/token',
        headers: [
          ['content-type', 'application/x-www-form-urlencoded'],
          ['authorization', 'Basic cGxheWdyb3VuZDpzZWNyZXQ='],
        ],
        body: 'grant_type=refresh_token&refresh_token=rt',
      },
      { status: 200 },
    );
    expect(requestCarries(confidential)).toBe('refresh token + client secret (Basic)');
  });

  it('says a client assertion is signed, and names a DPoP proof sent without client authentication', () => {
    const request = (headers: Array<[string, string]>, body: string) =>
      exchange(
        9,
        'client',
        'authorization-server',
        {
          method: 'POST',
          url: '/oidc/token',
          headers: [['content-type', 'application/x-www-form-urlencoded'], ...headers],
          body,
        },
        { status: 200 },
      );
    const assertion = `${Buffer.from('{"alg":"ES256"}').toString('base64url')}.e30.sig`;
    expect(
      requestCarries(
        request(
          [],
          `grant_type=client_credentials&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=${assertion}`,
        ),
      ),
    ).toBe('signed client_assertion');
    expect(
      requestCarries(request([['dpop', 'proof']], 'grant_type=authorization_code&code=c&code_verifier=v')),
    ).toBe('code + code_verifier + DPoP proof');
  });

  it('a call to the API carries the access token as a Bearer token (RFC 6750 section 2.1)', () => {
    expect(requestCarries(api)).toBe('access token (Bearer)');
  });

  it('the sign-in form carries username + password, and an authorization request its PKCE challenge', () => {
    expect(requestCarries(login)).toBe('username + password');
    expect(requestCarries(authorize)).toBe('code_challenge + response_type + scope');
  });

  it('names the authorization server’s cookies, not the playground’s own, and never a value', () => {
    expect(requestCarries(resume)).toBe('session cookie + interaction cookie');
    expect(requestCarries(token)).not.toContain('abc');
    const learnerOnly = exchange(
      9,
      'client',
      'authorization-server',
      { method: 'GET', url: '/oidc/jwks', headers: [['cookie', 'playground_learner=[learner id, hidden]']] },
      { status: 200, headers: [['content-type', 'application/json']], body: '{"keys":[]}' },
    );
    expect(requestCarries(learnerOnly)).toBe('no parameters');
    expect(responseCarries(learnerOnly)).toBe('public keys (JWKS)');
  });
});

describe('an arrow names a cookie only where the endpoint reads it', () => {
  const withSession = (method: string, url: string) =>
    exchange(
      20,
      'client',
      'authorization-server',
      { method, url, headers: [['cookie', '_session=[authorization server cookie, hidden]']] },
      { status: 200 },
    );

  it('the authorization endpoint, its resume path, the device pages and the sign-in pages read the session', () => {
    for (const path of [
      '/oidc/auth',
      '/oidc/auth/Zq1',
      '/oidc/device',
      '/oidc/session/end',
      '/interaction/Zq1',
    ])
      expect(readsServerCookies(path), path).toBe(true);
    expect(requestCarries(withSession('GET', '/oidc/auth'))).toBe('session cookie');
  });

  it('the token endpoint, userinfo, the JWKS and the API ignore it, though the browser sends it', () => {
    for (const path of ['/oidc/token', '/oidc/me', '/oidc/jwks', '/api/v1/statuses', '/oidc/authx'])
      expect(readsServerCookies(path), path).toBe(false);
    expect(requestCarries(withSession('POST', '/oidc/token'))).toBe('no parameters');
    expect(requestCarries(withSession('GET', '/oidc/me'))).toBe('no parameters');
    expect(requestCarries(withSession('GET', '/api/v1/accounts/verify_credentials'))).not.toContain('cookie');
  });
});

describe('what a response brings back, read from the recorded response', () => {
  it('a redirect names its target with the values elided: "303 to /callback?code=…"', () => {
    expect(responseCarries(resume)).toBe('303 to /callback?code=…');
    expect(responseCarries(authorize)).toBe('303 to /interaction/Zq1');
  });

  it('a token response names the tokens it holds', () => {
    expect(responseCarries(token)).toBe('access token + refresh token + ID token');
  });

  it('an OAuth error response names its error code', () => {
    const refused = exchange(
      9,
      'client',
      'authorization-server',
      { method: 'POST', url: '/oidc/token' },
      {
        status: 400,
        headers: [['content-type', 'application/json']],
        body: '{"error":"invalid_grant","error_description":"grant request is invalid"}',
      },
    );
    expect(responseCarries(refused)).toBe('400 invalid_grant');
  });

  it('elides a fragment and another host too', () => {
    expect(
      elideUrl('https://app.example/cb#access_token=at&state=s', 'http://localhost:3000/oidc/auth'),
    ).toBe('app.example/cb#access_token=…');
  });
});
