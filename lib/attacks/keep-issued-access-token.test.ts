import { beforeEach, describe, expect, it } from 'vitest';
import { keepIssuedAccessToken } from './attacker';
import { LootStore, lootStore } from './loot';

const origin = { client_id: 'lab-client', how: 'got by replaying the stolen refresh token', run: 'run-1' };

describe('an access token the token endpoint issued the attacker', () => {
  beforeEach(() => {
    globalThis.playgroundAttackerLoot = new LootStore();
  });

  it('is kept as loot with where it came from, and the answer is passed on unchanged', () => {
    const answer = { status: 200, body: { access_token: 'at-1', token_type: 'Bearer' } };
    expect(keepIssuedAccessToken('learner', answer, origin)).toBe(answer);
    expect(lootStore().list('learner')).toEqual([
      { kind: 'access_token', value: 'at-1', ...origin, at: expect.any(String) },
    ]);
  });

  it('is not kept from a refusal (RFC 6749 §5.2), even one that names an access_token', () => {
    keepIssuedAccessToken(
      'learner',
      { status: 400, body: { error: 'invalid_grant', access_token: 'x' } },
      origin,
    );
    expect(lootStore().list('learner')).toEqual([]);
  });

  it('is not read from a body that is not a token response: a number, a text, null', () => {
    for (const body of [{ access_token: 42 }, 'access_token=at-1', null])
      keepIssuedAccessToken('learner', { status: 200, body }, origin);
    expect(lootStore().list('learner')).toEqual([]);
  });
});
