import { describe, expect, it } from 'vitest';
import { ConnectionLimit } from './connection-limit';

describe('connections open at once', () => {
  it('admits perAddress connections from one address, and more once one is released', () => {
    const limit = new ConnectionLimit(2, 10);
    const first = limit.acquire('a');
    expect(limit.acquire('a').ok).toBe(true);
    expect(limit.acquire('a')).toEqual({ ok: false, over: 'address' });
    expect(limit.acquire('b').ok).toBe(true);
    if (first.ok) first.release();
    expect(limit.acquire('a').ok).toBe(true);
  });

  it('refuses every address once `overall` are open', () => {
    const limit = new ConnectionLimit(5, 2);
    limit.acquire('a');
    limit.acquire('b');
    expect(limit.acquire('c')).toEqual({ ok: false, over: 'total' });
  });

  it('counts a connection released twice (aborted, then cancelled) once', () => {
    const limit = new ConnectionLimit(5, 5);
    const slot = limit.acquire('a');
    limit.acquire('a');
    if (slot.ok) {
      slot.release();
      slot.release();
    }
    expect(limit.count('a')).toBe(1);
    expect(limit.count()).toBe(1);
  });
});
