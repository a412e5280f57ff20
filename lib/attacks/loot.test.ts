import { describe, expect, it } from 'vitest';
import { LootStore, type LootItem } from './loot';

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
