import { describe, expect, it } from 'vitest';
import { missingStateAdvice } from './state-advice';

describe('advice before an authorization request without state (RFC 9700 §4.7)', () => {
  it('says nothing when the request carries a state', () => {
    expect(missingStateAdvice('/oidc/auth?response_type=code&state=abc&code_challenge=x')).toBeUndefined();
  });

  it('names the CSRF protection lost, and PKCE as what still protects a code request', () => {
    const advice = missingStateAdvice(
      '/oidc/auth?response_type=code&code_challenge=x&code_challenge_method=S256',
    );
    expect(advice).toContain('RFC 9700 §4.7');
    expect(advice).toContain('PKCE still protects the code');
    expect(advice).not.toContain('nonce');
  });

  it('names the nonce for an implicit request that asks for an ID token', () => {
    const advice = missingStateAdvice('/oidc/auth?response_type=id_token%20token&nonce=n');
    expect(advice).toContain('the nonce still protects the ID token');
    expect(advice).not.toContain('PKCE');
  });

  it('says nothing else protects a request with neither PKCE nor a nonce', () => {
    expect(missingStateAdvice('/oidc/auth?response_type=id_token%20token&state=')).toContain(
      'Nothing else in this request ties the response to it.',
    );
  });
});
