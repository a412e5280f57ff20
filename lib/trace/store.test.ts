import { describe, expect, it } from 'vitest';
import { createMemoryTraceStore, weightOf } from './store';
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

  describe('bounded by bytes', () => {
    // An exchange whose response body is `size` characters long.
    const sized = (url: string, size: number) => {
      const base = event(url);
      return { ...base, response: { ...base.response, body: 'x'.repeat(size) } };
    };
    // Every URL below is three characters long, so that every event weighs the same.
    const weight = weightOf(sized('/x1', 1000));

    it('keeps a learner’s newest events within maxBytesPerLearner, dropping the oldest first', () => {
      const store = createMemoryTraceStore({ maxBytesPerLearner: weight * 3 });
      for (let i = 1; i <= 5; i++) store.append('a', sized(`/x${i}`, 1000));
      expect(store.list('a').map((e) => e.request.url)).toEqual(['/x3', '/x4', '/x5']);
    });

    it('keeps an event larger than the per-learner bound, alone', () => {
      const store = createMemoryTraceStore({ maxBytesPerLearner: weight });
      store.append('a', sized('/small', 10));
      store.append('a', sized('/large', 5000));
      expect(store.list('a').map((e) => e.request.url)).toEqual(['/large']);
    });

    it('keeps all traces within maxTotalBytes, evicting the least recently active learner’s oldest events', () => {
      const store = createMemoryTraceStore({ maxBytesPerLearner: weight * 10, maxTotalBytes: weight * 4 });
      store.append('a', sized('/a1', 1000));
      store.append('a', sized('/a2', 1000));
      store.append('b', sized('/b1', 1000));
      store.append('b', sized('/b2', 1000));
      store.append('c', sized('/c1', 1000));
      expect(store.list('a').map((e) => e.request.url)).toEqual(['/a2']);
      store.append('c', sized('/c2', 1000));
      expect(store.list('a')).toEqual([]);
      expect(store.list('b').map((e) => e.request.url)).toEqual(['/b1', '/b2']);
      expect(store.list('c').map((e) => e.request.url)).toEqual(['/c1', '/c2']);
    });

    it('gives back the bytes of a cleared or expired trace to the total', () => {
      let now = 0;
      const store = createMemoryTraceStore({
        maxBytesPerLearner: weight * 10,
        maxTotalBytes: weight * 2,
        idleMs: 1000,
        now: () => now,
      });
      store.append('a', sized('/a1', 1000));
      store.append('a', sized('/a2', 1000));
      store.clear('a');
      store.append('b', sized('/b1', 1000));
      store.append('b', sized('/b2', 1000));
      expect(store.list('b')).toHaveLength(2);
      now = 2000;
      store.append('c', sized('/c1', 1000));
      store.append('c', sized('/c2', 1000));
      expect(store.list('c')).toHaveLength(2);
    });

    it('keeps the subscription of a learner whose events were evicted', () => {
      const store = createMemoryTraceStore({ maxBytesPerLearner: weight * 10, maxTotalBytes: weight * 2 });
      const seen: string[] = [];
      store.subscribe('a', (e) => seen.push(e.request.url));
      store.append('a', sized('/a1', 1000));
      store.append('b', sized('/b1', 1000));
      store.append('b', sized('/b2', 1000));
      expect(store.list('a')).toEqual([]);
      store.append('a', sized('/a2', 1000));
      expect(seen).toEqual(['/a1', '/a2']);
    });
  });
});
