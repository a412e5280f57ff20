import { describe, expect, it } from 'vitest';
import { apiCall, bearerRequest } from './api-call';

describe('apiCall (RFC 6750 §2.1)', () => {
  it('presents the access token in the Authorization header with the Bearer scheme', () => {
    expect(apiCall({ method: 'GET', path: '/oidc/me', accessToken: 'at', via: 'browser' })).toEqual({
      kind: 'send',
      via: 'browser',
      request: { method: 'GET', path: '/oidc/me', headers: { authorization: 'Bearer at' } },
    });
  });

  it('sends the scheme with no token when the client holds none, so the server’s refusal is the answer', () => {
    const call = apiCall({ method: 'GET', path: '/oidc/me', accessToken: undefined, via: 'client-backend' });
    expect(call.request.headers).toEqual({ authorization: 'Bearer ' });
  });

  it('carries a form body when the call posts one', () => {
    const call = apiCall({
      method: 'POST',
      path: '/api/v1/statuses',
      accessToken: 'at',
      via: 'browser',
      form: { status: 'hi' },
    });
    expect(call.request.form).toEqual({ status: 'hi' });
  });
});

describe('bearerRequest (RFC 6750 §2.1)', () => {
  it('is the request alone, for a party that is not a step’s sender (an attacker’s server)', () => {
    expect(
      bearerRequest({ method: 'GET', path: '/api/v1/accounts/verify_credentials', accessToken: '<held>' }),
    ).toEqual({
      method: 'GET',
      path: '/api/v1/accounts/verify_credentials',
      headers: { authorization: 'Bearer <held>' },
    });
  });
});
