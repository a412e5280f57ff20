import { describe, expect, it } from 'vitest';
import { authorizationRequest, authorizationUrl, codeRequestParameters } from './authorization-request';

const context = { origin: 'http://localhost:3000', values: { code_challenge: 'ch', code_verifier: 've' } };

describe('authorizationRequest (RFC 6749 §4.1.1)', () => {
  it('sends the browser to the authorization endpoint with the parameters in the query, in order', () => {
    expect(authorizationRequest({ response_type: 'code', client_id: 'spa', scope: 'openid read' })).toEqual({
      kind: 'navigate',
      path: '/oidc/auth?response_type=code&client_id=spa&scope=openid+read',
    });
  });

  it('goes to another authorization endpoint when the client was told of one', () => {
    expect(authorizationRequest({ client_id: 'spa' }, '/api/attacker/as/authorize').path).toBe(
      '/api/attacker/as/authorize?client_id=spa',
    );
  });

  it('leaves out a parameter the learner emptied', () => {
    expect(authorizationUrl({ client_id: 'spa', state: '', prompt: undefined })).toBe(
      '/oidc/auth?client_id=spa',
    );
  });
});

describe('codeRequestParameters (RFC 6749 §4.1.1, RFC 7636 §4.3)', () => {
  it('asks for a code back at the playground’s callback, with the run’s S256 challenge last', () => {
    const parameters = codeRequestParameters(context, 'spa', { scope: 'read', state: 's' });
    expect(Object.entries(parameters)).toEqual([
      ['response_type', 'code'],
      ['client_id', 'spa'],
      ['redirect_uri', 'http://localhost:3000/callback'],
      ['scope', 'read'],
      ['state', 's'],
      ['code_challenge', 'ch'],
      ['code_challenge_method', 'S256'],
    ]);
  });

  it('sends another challenge when the step says so (a plain one, to be refused)', () => {
    const parameters = codeRequestParameters(
      context,
      'spa',
      {},
      { code_challenge: 've', code_challenge_method: 'plain' },
    );
    expect(parameters).toMatchObject({ code_challenge: 've', code_challenge_method: 'plain' });
  });
});
