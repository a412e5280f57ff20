import { describe, expect, it } from 'vitest';
import { lootIn } from './loot-answer';

const item = {
  kind: 'refresh_token',
  value: 'rt-1',
  client_id: 'lab-client',
  how: 'sent by the injected script',
  run: 'run-1',
  at: '2026-01-01T00:00:00.000Z',
};

describe('the attacker’s loot as the lab page reads it (GET /api/attacker/loot)', () => {
  it('reads every item the attacker’s server holds', () => {
    const code = { kind: 'code', value: 'c', how: 'caught on the redirect', at: item.at };
    expect(lootIn({ loot: [item, code] })).toEqual([item, code]);
  });

  it('reads an answer of another shape as holding nothing, never as items of the wrong type', () => {
    expect(lootIn({ error: 'no_learner', error_description: 'Open a playground page first' })).toEqual([]);
    expect(lootIn({ loot: [{ ...item, kind: 'password' }] })).toEqual([]);
    expect(lootIn({ loot: [{ ...item, value: 42 }] })).toEqual([]);
    expect(lootIn('not json')).toEqual([]);
    expect(lootIn(null)).toEqual([]);
  });
});
