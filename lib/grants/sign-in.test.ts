import { describe, expect, it } from 'vitest';
import { grantBySlug } from '../../machines/registry';
import { signInOf } from './sign-in';

const grant = (slug: string) => grantBySlug(slug)!;

describe('who signs in, read from a grant’s steps', () => {
  it('client credentials has no user (RFC 6749 §4.4)', () => {
    expect(signInOf(grant('client-credentials'))).toEqual({ kind: 'none' });
  });

  it('the password grant hands the user’s password to the client (§4.3), with no sign-in page', () => {
    expect(signInOf(grant('password'))).toEqual({ kind: 'password-to-client', username: 'alice' });
    expect(signInOf(grant('refresh-token'))).toEqual({ kind: 'password-to-client', username: 'alice' });
  });

  it('grants with a front-channel step sign in at the authorization server', () => {
    for (const slug of ['authorization-code', 'authorization-code-pkce', 'implicit', 'device-code'])
      expect(signInOf(grant(slug)).kind).toBe('authorization-server');
  });
});
