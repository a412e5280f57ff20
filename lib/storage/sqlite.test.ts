import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../testing/clock';
import { describeAdapterContract, describeDocumentContract, type StorageUnderTest } from './adapter-contract';
import { openSqliteStorage } from './sqlite';

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'playground-sqlite-')), 'db.sqlite');

// SQLite keeps no clock of its own: every expiry is reckoned on `now`, so moving `now` is enough.
const sqlite: StorageUnderTest = { open: async (now) => openSqliteStorage(tempFile(), { now }) };

describeAdapterContract('SQLite', sqlite);

describe('SQLite storage file', () => {
  it('keeps entries across a reopen of the same file', async () => {
    const file = tempFile();
    const first = openSqliteStorage(file);
    await first.upsert('RefreshToken', 'rt-1', { accountId: 'alice' }, 3600);
    await first.close();
    const second = openSqliteStorage(file);
    expect(await second.find('RefreshToken', 'rt-1')).toEqual({ accountId: 'alice' });
    await second.close();
  });

  it('purges expired entries and keeps live ones', async () => {
    const clock = manualClock(Date.now());
    const storage = openSqliteStorage(tempFile(), { now: clock.now });
    await storage.upsert('AuthorizationCode', 'old', { grantId: 'g' }, 1);
    await storage.upsert('AuthorizationCode', 'live', { grantId: 'g' }, 600);
    clock.advance(1);
    expect(await storage.purgeExpired()).toBe(1);
    expect(await storage.find('AuthorizationCode', 'live')).toBeDefined();
    await storage.close();
  });
});

describeDocumentContract('SQLite', sqlite);
