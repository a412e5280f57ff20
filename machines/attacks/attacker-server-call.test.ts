import { describe, expect, it } from 'vitest';
import { attackerServerCall } from './common-steps';

describe('attackerServerCall', () => {
  it('posts to the attacker server’s route and previews the request that server sends', () => {
    const action = attackerServerCall(
      { path: '/api/attacker/try-link', form: { client_id: 'lab-spa' } },
      { method: 'GET', path: '/oidc/auth?client_id=lab-spa' },
    );
    expect(action).toEqual({
      kind: 'send',
      via: 'browser',
      request: { method: 'POST', path: '/api/attacker/try-link', form: { client_id: 'lab-spa' } },
      attackerSends: { method: 'GET', path: '/oidc/auth?client_id=lab-spa' },
    });
  });

  it('sends no form when the route needs none', () => {
    const action = attackerServerCall({ path: '/api/attacker/call-api' }, { method: 'GET', path: '/api' });
    expect(action.kind === 'send' && action.request).toEqual({
      method: 'POST',
      path: '/api/attacker/call-api',
    });
  });
});
