import { describe, expect, it } from 'vitest';
import { labCodeForm, labCodeRequest } from './lab-code-form';

const context = { origin: 'http://localhost:3000', values: { code: 'c', code_verifier: 'v' } };

describe('labCodeForm (RFC 6749 §4.1.3)', () => {
  it('names the public client after the redirect URI, then sends its code_verifier', () => {
    expect(Object.entries(labCodeForm(context, 'lab-spa'))).toEqual([
      ['grant_type', 'authorization_code'],
      ['code', 'c'],
      ['redirect_uri', 'http://localhost:3000/callback'],
      ['client_id', 'lab-spa'],
      ['code_verifier', 'v'],
    ]);
  });

  it('sends no code_verifier for a client without PKCE', () => {
    expect(labCodeForm(context, 'lab-web', { codeVerifier: false })).not.toHaveProperty('code_verifier');
  });
});

describe('labCodeRequest (RFC 6749 §4.1.1)', () => {
  it('names the client first, asks for a code at the playground’s callback, then the scenario’s parameters', () => {
    expect(Object.entries(labCodeRequest(context, 'lab-spa', { scope: 'read', state: 's' }))).toEqual([
      ['client_id', 'lab-spa'],
      ['response_type', 'code'],
      ['redirect_uri', 'http://localhost:3000/callback'],
      ['scope', 'read'],
      ['state', 's'],
    ]);
  });
});
