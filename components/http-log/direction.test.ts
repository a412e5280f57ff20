import { describe, expect, it } from 'vitest';
import { exchange } from '@/lib/diagram/exchanges.testing';
import { attackerRole } from '@/machines/attacks/common-steps';
import { directionsOf } from './direction';

describe('the HTTP log names both ends of an exchange as the diagram draws them', () => {
  const loot = exchange(
    1,
    'client',
    'client',
    { method: 'POST', url: '/api/attacker/loot', body: 'kind=refresh_token' },
    { status: 201 },
  );
  const token = exchange(
    2,
    'client',
    'authorization-server',
    { method: 'POST', url: '/oidc/token' },
    { status: 200 },
  );

  it('the loot POST goes from the client to the attacker, not “client → client”', () => {
    expect(directionsOf([loot, token], [attackerRole])).toEqual([
      'client → attacker, back channel',
      'client → authorization server, back channel',
    ]);
  });

  it('without extra parties each end is the role the exchange was recorded with', () => {
    const auth = exchange(
      3,
      'resource-owner',
      'authorization-server',
      { method: 'GET', url: '/oidc/auth' },
      { status: 303 },
    );
    expect(directionsOf([auth, token])).toEqual([
      'browser → authorization server, front channel',
      'client → authorization server, back channel',
    ]);
  });
});
