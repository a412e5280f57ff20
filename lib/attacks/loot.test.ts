import { describe, expect, it } from 'vitest';
import { LOOT_TTL_MS, LootStore, type LootItem } from './loot';

const item = (value: string, extra: Partial<LootItem> = {}): LootItem => ({
  kind: 'refresh_token',
  value,
  how: 'sent by the injected script',
  at: '2026-01-01T00:00:00Z',
  ...extra,
});

describe('the attacker’s loot', () => {
  it('keeps each learner’s loot apart and answers the newest of a kind from the run asked about', () => {
    const store = new LootStore();
    store.add('learner-a', item('rt-1', { run: 'run-1' }));
    store.add('learner-a', item('rt-2', { run: 'run-2' }));
    store.add('learner-b', item('rt-b', { run: 'run-1' }));
    expect(store.newest('learner-a', 'refresh_token', 'run-1')?.value).toBe('rt-1');
    expect(store.newest('learner-a', 'refresh_token', undefined)?.value).toBe('rt-2');
    expect(store.newest('learner-a', 'access_token', 'run-1')).toBeUndefined();
    expect(store.list('learner-b').map((each) => each.value)).toEqual(['rt-b']);
  });

  it('is bounded: a learner keeps the newest 20 items', () => {
    const store = new LootStore();
    for (let i = 0; i < 25; i++) store.add('learner', item(`rt-${i}`));
    const values = store.list('learner').map((each) => each.value);
    expect(values).toHaveLength(20);
    expect(values[0]).toBe('rt-5');
  });
});

describe('the attacker’s loot, bounded like the trace store', () => {
  const big = (i: number) => item(`${i}-${'x'.repeat(4000)}`);

  it('holds a learner’s loot within its byte budget, the newest item kept', () => {
    const store = new LootStore({ maxBytesPerLearner: 10_000 });
    for (let i = 0; i < 5; i++) store.add('learner', big(i));
    const values = store.list('learner').map((each) => each.value.split('-')[0]);
    expect(values).toEqual(['3', '4']);
    expect(store.bytes).toBeLessThanOrEqual(10_000);
  });

  it('holds all learners within the total, dropping the least recently robbed learners first', () => {
    const store = new LootStore({ maxBytesTotal: 20_000 });
    for (let i = 0; i < 10; i++) store.add(`learner-${i}`, big(i));
    expect(store.bytes).toBeLessThanOrEqual(20_000);
    expect(store.list('learner-0')).toEqual([]);
    expect(store.list('learner-9')).toHaveLength(1);
  });

  it('forgets a learner’s loot two hours after its newest item', () => {
    let now = 0;
    const store = new LootStore({ now: () => now });
    store.add('learner', item('rt-old'));
    store.add('other', item('rt-other'));
    now = LOOT_TTL_MS + 1;
    expect(store.list('learner')).toEqual([]);
    store.add('newcomer', item('rt-new'));
    // The other learner's expired loot was dropped as the newcomer's arrived: its bytes are free.
    expect(store.bytes).toBeLessThan(1000);
    expect(LOOT_TTL_MS).toBe(2 * 60 * 60 * 1000);
  });
});
