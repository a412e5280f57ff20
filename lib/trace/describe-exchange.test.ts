import { describe, expect, it } from 'vitest';
import { credentialOf, factsOf, pushesAuthorizationRequest, sentBy } from './describe-exchange';

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (alg: string) => `${b64url({ alg, typ: 'JWT' })}.${b64url({ iss: 'c' })}.signature`;
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const URL_ = 'http://localhost:3000/oidc/token';

describe('what a request carries (credentialOf)', () => {
  it('names a client assertion signed with a private key as private_key_jwt (RFC 7523 §2.2)', () => {
    const body = form({ client_assertion_type: ASSERTION_TYPE, client_assertion: jwt('ES256') });
    expect(credentialOf({ headers: [], body })).toBe('private-key-jwt');
  });

  it('names an HMAC-signed assertion client_secret_jwt, not private_key_jwt', () => {
    const body = form({ client_assertion_type: ASSERTION_TYPE, client_assertion: jwt('HS256') });
    expect(credentialOf({ headers: [], body })).toBe('client-secret-jwt');
  });

  it('takes an assertion of another type, or an assertion without its type, for no client authentication', () => {
    expect(credentialOf({ headers: [], body: form({ client_assertion: jwt('ES256') }) })).toBe('none');
    expect(
      credentialOf({
        headers: [],
        body: form({ client_assertion_type: 'urn:example:other', client_assertion: jwt('ES256') }),
      }),
    ).toBe('none');
  });

  it('still reads HTTP Basic, a secret in the form, Bearer and DPoP', () => {
    expect(credentialOf({ headers: [['Authorization', 'Basic abc']], body: null })).toBe(
      'client-secret-basic',
    );
    expect(credentialOf({ headers: [], body: form({ client_secret: 's' }) })).toBe('client-secret-post');
    expect(credentialOf({ headers: [['authorization', 'Bearer t']], body: null })).toBe('bearer');
    expect(credentialOf({ headers: [['authorization', 'DPoP t']], body: null })).toBe('dpop');
  });

  it('names a token request with a DPoP proof and no client authentication (RFC 9449 §5)', () => {
    const body = form({ grant_type: 'authorization_code', code: 'c' });
    expect(credentialOf({ headers: [['dpop', 'proof']], body })).toBe('dpop-proof');
    expect(credentialOf({ headers: [], body })).toBe('none');
  });
});

describe('“Sent by” in words (sentBy)', () => {
  const backend = [['x-playground-on-behalf', 'signed'] as [string, string]];

  it('says a token request with a client assertion carries a signed assertion and no secret', () => {
    const body = form({
      grant_type: 'client_credentials',
      client_assertion_type: ASSERTION_TYPE,
      client_assertion: jwt('ES256'),
    });
    expect(sentBy(factsOf({ url: URL_, headers: backend, body }, { from: 'client', channel: 'back' }))).toBe(
      'The client’s backend, on the playground’s server (back channel), with a signed client assertion (private_key_jwt), no client secret',
    );
  });

  it('names a pushed authorization request (RFC 9126 §2.1) and how it authenticates', () => {
    const body = form({ response_type: 'code', client_id: 'playground-par', code_challenge: 'x' });
    const headers = [...backend, ['authorization', 'Basic abc'] as [string, string]];
    expect(
      sentBy(
        factsOf(
          { url: 'http://localhost:3000/oidc/request', headers, body },
          { from: 'client', channel: 'back' },
        ),
      ),
    ).toBe(
      'The client’s backend, on the playground’s server (back channel), pushing the authorization request (PAR, RFC 9126), with the client secret (HTTP Basic)',
    );
  });

  it('does not call a token request or a front-channel authorization request pushed', () => {
    expect(pushesAuthorizationRequest({ body: form({ grant_type: 'authorization_code' }) }, 'back')).toBe(
      false,
    );
    expect(pushesAuthorizationRequest({ body: form({ response_type: 'code' }) }, 'front')).toBe(false);
    expect(pushesAuthorizationRequest({ body: null }, 'back')).toBe(false);
  });
});
