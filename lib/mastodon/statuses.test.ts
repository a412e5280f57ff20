import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AuthorizationServer } from '../oidc/provider';
import { openSqliteStorage } from '../storage/sqlite';
import { countStatuses, createStatus, MAX_STATUSES_PER_ACCOUNT, timeline } from './statuses';

// Only what createStatus reads of the authorization server: its storage, origin and clients.
const storage = openSqliteStorage(':memory:');
const server = {
  storage,
  env: { publicOrigin: 'http://localhost:3999' },
  provider: { Client: { find: async () => undefined } },
} as unknown as AuthorizationServer;
const alice = { accountId: 'alice', clientId: 'app', scopes: new Set(['write:statuses']) };

const withId = z.object({ id: z.string() });

afterEach(async () => {
  for (const account of ['alice', 'bob'])
    for (;;) {
      const page = await storage.listDocuments('status', `account:${account}`, { limit: 40 }, withId);
      if (!page.length) break;
      for (const status of page) await storage.deleteDocument('status', status.id);
    }
});

describe('statuses of an account', () => {
  it(`keeps the newest ${MAX_STATUSES_PER_ACCOUNT} and drops the oldest`, async () => {
    const posted: string[] = [];
    for (let i = 1; i <= MAX_STATUSES_PER_ACCOUNT + 3; i++)
      posted.push((await createStatus(server, alice, { status: `toot ${i}` }, null)).id);
    await createStatus(server, { ...alice, accountId: 'bob' }, { status: 'from bob' }, null);
    expect(await countStatuses(server, 'alice')).toBe(MAX_STATUSES_PER_ACCOUNT);
    expect(await countStatuses(server, 'bob')).toBe(1);
    const oldest = await timeline(
      server,
      'account:alice',
      new URLSearchParams({ min_id: '0', limit: '1' }),
      '/',
    );
    expect(oldest.body.map((status) => status.id)).toEqual([posted[3]]);
    expect(await storage.getDocument('status', posted[2]!, z.unknown())).toBeUndefined();
  });

  it('counts what an account posted for statuses_count', async () => {
    for (let i = 1; i <= 3; i++) await createStatus(server, alice, { status: `toot ${i}` }, null);
    expect(await countStatuses(server, 'alice')).toBe(3);
  });
});
