import { describe, expect, it } from 'vitest';
import { ATTACKS } from '../../machines/attacks/registry';
import { GRANTS } from '../../machines/registry';
import { codeFlow, exchange } from './exchanges.testing';
import { resourceOwnerAccount, resourceOwnerPartOf, resourceOwnerSubtitle } from './resource-owner';

const FORM: Array<[string, string]> = [['content-type', 'application/x-www-form-urlencoded']];

describe('the resource owner as RFC 6749 §1.1 means it: a person, who may use a browser', () => {
  it('each grant involves her as its definition says: through a browser, by typing a password into the client, or not at all', () => {
    expect(Object.fromEntries(GRANTS.map((grant) => [grant.slug, resourceOwnerPartOf(grant)]))).toEqual({
      'authorization-code': 'browser',
      'authorization-code-pkce': 'browser',
      'client-credentials': 'none',
      'device-code': 'browser',
      dpop: 'browser',
      implicit: 'browser',
      password: 'client-form',
      'private-key-jwt': 'none',
      'pushed-authorization-request': 'browser',
      'refresh-token': 'client-form',
      'token-exchange': 'browser',
    });
  });

  it('an attack scenario that gets alice’s tokens with her password involves her too', () => {
    expect(resourceOwnerPartOf(ATTACKS.find((attack) => attack.slug === 'refresh-token-replay')!)).toBe(
      'client-form',
    );
  });

  it('names the account she signed in with, once the run shows it, and says how she takes part', () => {
    expect(resourceOwnerSubtitle('browser', [])).toBe('(the user), using a browser');
    expect(resourceOwnerAccount(codeFlow)).toBe('alice');
    expect(resourceOwnerSubtitle('browser', codeFlow)).toBe('(alice), using a browser');
    expect(resourceOwnerSubtitle('none', codeFlow)).toBe('not in this grant');
  });

  it('reads a password grant the server answered, not a refused one', () => {
    const grant = (status: number) =>
      exchange(
        1,
        'client',
        'authorization-server',
        { method: 'POST', url: '/oidc/token', headers: FORM, body: 'grant_type=password&username=bob' },
        { status },
      );
    expect(resourceOwnerSubtitle('client-form', [grant(200)])).toBe(
      '(bob), typing the password into the client',
    );
    expect(resourceOwnerAccount([grant(400)])).toBeUndefined();
  });
});
