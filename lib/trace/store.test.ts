import { describe, expect, it } from 'vitest';
import { createMemoryTraceStore } from './store';
import { traceEvent } from './testing';

const event = traceEvent;

describe('memory trace store', () => {
  it('numbers each learner’s events in order, starting at 1', () => {
    const store = createMemoryTraceStore();
    store.append('a', event('/1'));
    store.append('b', event('/x'));
    store.append('a', event('/2'));
    expect(store.list('a').map((e) => [e.seq, e.request.url])).toEqual([
      [1, '/1'],
      [2, '/2'],
    ]);
    expect(store.list('b').map((e) => e.seq)).toEqual([1]);
  });

  it('keeps only the newest maxEvents, never reusing a seq', () => {
    const store = createMemoryTraceStore({ maxEvents: 3 });
    for (let i = 1; i <= 5; i++) store.append('a', event(`/${i}`));
    expect(store.list('a').map((e) => e.seq)).toEqual([3, 4, 5]);
    store.clear('a');
    expect(store.list('a')).toEqual([]);
    expect(store.append('a', event('/6')).seq).toBe(6);
  });

  it('lists only events after a given seq', () => {
    const store = createMemoryTraceStore();
    for (let i = 1; i <= 4; i++) store.append('a', event(`/${i}`));
    expect(store.list('a', 2).map((e) => e.seq)).toEqual([3, 4]);
  });

  it('tells subscribers of new events of their learner only', () => {
    const store = createMemoryTraceStore();
    const seen: string[] = [];
    const unsubscribe = store.subscribe('a', (e) => seen.push(e.request.url));
    store.append('a', event('/1'));
    store.append('b', event('/other'));
    unsubscribe();
    store.append('a', event('/2'));
    expect(seen).toEqual(['/1']);
  });

  it('forgets a trace idle for longer than idleMs', () => {
    let now = 0;
    const store = createMemoryTraceStore({ idleMs: 1000, now: () => now });
    store.append('a', event('/1'));
    now = 999;
    expect(store.list('a')).toHaveLength(1);
    now = 2001;
    expect(store.list('a')).toEqual([]);
    expect(store.append('a', event('/2')).seq).toBe(1);
  });

  it('evicts the least recently used idle traces beyond maxLearners', () => {
    const store = createMemoryTraceStore({ maxLearners: 2 });
    store.append('a', event('/a'));
    store.append('b', event('/b'));
    store.append('a', event('/a2'));
    store.append('c', event('/c'));
    expect(store.list('b')).toEqual([]);
    expect(store.list('a')).toHaveLength(2);
    expect(store.list('c')).toHaveLength(1);
  });
});
