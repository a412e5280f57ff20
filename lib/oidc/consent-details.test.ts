import { describe, expect, it } from 'vitest';
import { consentDetailsOf } from './consent-details';

describe('what the consent prompt says the grant is missing', () => {
  it('reads the missing OpenID scopes and claims, and the scopes per resource (RFC 8707)', () => {
    const details = {
      missingOIDCScope: ['openid', 'profile'],
      missingOIDCClaims: ['email'],
      missingResourceScopes: { 'http://localhost:3000/api': ['read', 'write'] },
      other: true,
    };
    expect(consentDetailsOf(details)).toEqual({
      missingOIDCScope: ['openid', 'profile'],
      missingOIDCClaims: ['email'],
      missingResourceScopes: { 'http://localhost:3000/api': ['read', 'write'] },
    });
  });

  it('reads a member of another shape as none missing, and keeps the others', () => {
    expect(consentDetailsOf({ missingOIDCScope: 'openid', missingOIDCClaims: ['email'] })).toEqual({
      missingOIDCClaims: ['email'],
    });
    expect(consentDetailsOf({ missingResourceScopes: { api: 'read' } })).toEqual({});
    expect(consentDetailsOf(undefined)).toEqual({});
  });
});
