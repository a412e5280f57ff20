import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../storage';
import { progressOf, recordCheck, resetProgress } from './progress';

const storage = openStorage({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'playground-progress-')) });
afterAll(() => storage.close());
const at = (iso: string) => () => Date.parse(iso);

describe('a learner’s challenge progress, in the playground’s storage', () => {
  it('starts empty, records what each check found, and keeps a solved challenge solved', async () => {
    expect(await progressOf(storage, 'learner-a')).toEqual({});
    await recordCheck(storage, 'learner-a', 'replayed-code', false, at('2026-12-07T10:00:00Z'));
    expect(await progressOf(storage, 'learner-a')).toEqual({
      'replayed-code': { status: 'trying', at: '2026-12-07T10:00:00.000Z' },
    });
    await recordCheck(storage, 'learner-a', 'replayed-code', true, at('2026-12-07T10:05:00Z'));
    await recordCheck(storage, 'learner-a', 'replayed-code', false, at('2026-12-07T10:09:00Z'));
    await recordCheck(storage, 'learner-a', 'read-only-for-bob', false, at('2026-12-07T10:10:00Z'));
    expect(await progressOf(storage, 'learner-a')).toEqual({
      'replayed-code': { status: 'solved', at: '2026-12-07T10:05:00.000Z' },
      'read-only-for-bob': { status: 'trying', at: '2026-12-07T10:10:00.000Z' },
    });
  });

  it('is each learner’s own, and a reset forgets only that learner’s', async () => {
    await recordCheck(storage, 'learner-b', 'replayed-code', true);
    await recordCheck(storage, 'learner-c', 'replayed-code', true);
    await resetProgress(storage, 'learner-b');
    expect(await progressOf(storage, 'learner-b')).toEqual({});
    expect(await progressOf(storage, 'learner-c')).toMatchObject({ 'replayed-code': { status: 'solved' } });
  });
});
