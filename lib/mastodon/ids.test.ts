import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStorage } from '../storage';
import { idGenerator, nextId } from './ids';

const at = (iso: string) => () => Date.parse(iso);

describe('Mastodon ids', () => {
  it('are 16-digit numeric strings that stay below 2^53', () => {
    for (const time of ['2024-01-01T00:00:00Z', '2026-11-29T19:00:00Z', '2048-01-01T00:00:00Z']) {
      const id = idGenerator(9999, at(time))();
      expect(id).toMatch(/^\d{16}$/);
      expect(Number.isSafeInteger(Number(id))).toBe(true);
    }
  });

  it('increase strictly within one instance, even when the clock stands still or goes back', () => {
    let now = Date.parse('2026-11-29T19:00:00Z');
    const next = idGenerator(42, () => now);
    const ids = Array.from({ length: 250 }, () => next());
    now -= 60_000;
    ids.push(next());
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sort by age across instances to the tenth of a second', () => {
    const early = idGenerator(9999, at('2026-11-29T19:00:00.000Z'))();
    const late = idGenerator(1, at('2026-11-29T19:00:00.100Z'))();
    expect(late > early).toBe(true);
  });

  it('never collide between instances with distinct instance parts', () => {
    const now = at('2026-11-29T19:00:00Z');
    const [a, b] = [idGenerator(1, now), idGenerator(2, now)];
    const fromA = new Set(Array.from({ length: 500 }, () => a()));
    const fromB = Array.from({ length: 500 }, () => b());
    expect(fromB.filter((id) => fromA.has(id))).toEqual([]);
  });

  it('sort after the ids made before they had an instance part', () => {
    // The former ids: milliseconds times 1000 plus a counter, also 16 digits.
    const former = String(Date.parse('2026-11-29T19:00:00Z') * 1000 + 999);
    expect(idGenerator(0, at('2026-11-29T19:00:00Z'))() > former).toBe(true);
  });

  it('take distinct instance parts from the storage two instances share', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ids-'));
    const [first, second] = [openStorage({ dataDir }), openStorage({ dataDir })];
    try {
      const instancePart = (id: string) => id.slice(10, 14);
      const [a, b] = [await nextId(first), await nextId(second)];
      expect(instancePart(a)).not.toBe(instancePart(b));
      // One instance keeps its part.
      expect(instancePart(await nextId(first))).toBe(instancePart(a));
    } finally {
      await Promise.all([first.close(), second.close()]);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
