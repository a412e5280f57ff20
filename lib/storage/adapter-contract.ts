import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { manualClock } from '../testing/clock';
import { adapterClass, CLIENT_IDLE_SECONDS } from './index';
import { epochSeconds, type Clock, type OidcStorage } from './types';

/**
 * A storage backend as the contract drives it. `open` gives a storage that reckons time on `now`;
 * `advance` moves on whatever the backend keeps on a clock of its own (Redis expires keys on the
 * server's), by as much as the contract moves `now`.
 */
export type StorageUnderTest = {
  open(now: Clock): Promise<OidcStorage>;
  advance?(seconds: number): Promise<void>;
};

/**
 * The contract's clock, which stands still until a test moves it and the backend's own clock with it.
 * It starts a day ahead of the real one, so a backend that reads `Date.now` instead of `now` shows up.
 */
function suiteTime(backend: StorageUnderTest) {
  const clock = manualClock(Date.now() + 86_400_000);
  return {
    now: clock.now,
    async advance(seconds: number) {
      clock.advance(seconds);
      await backend.advance?.(seconds);
    },
  };
}

/**
 * The behaviour oidc-provider expects of an adapter, run against every storage backend so that SQLite
 * and Redis cannot drift apart.
 */
export function describeAdapterContract(name: string, backend: StorageUnderTest) {
  describe(`${name} adapter`, () => {
    const time = suiteTime(backend);
    let storage: OidcStorage;
    let Adapter: ReturnType<typeof adapterClass>;
    let n = 0;
    const unique = (label: string) => `${label}-${Date.now()}-${n++}`;

    beforeAll(async () => {
      storage = await backend.open(time.now);
      Adapter = adapterClass(storage, { now: time.now });
    });
    afterAll(async () => {
      await storage.close();
    });

    it('finds what it upserted, by model and id', async () => {
      const tokens = new Adapter('AccessToken');
      const id = unique('at');
      await tokens.upsert(id, { accountId: 'alice', kind: 'AccessToken' }, 60);
      expect(await tokens.find(id)).toEqual({ accountId: 'alice', kind: 'AccessToken' });
      expect(await new Adapter('RefreshToken').find(id)).toBeUndefined();
    });

    it('replaces the payload on a second upsert', async () => {
      const clients = new Adapter('Client');
      const id = unique('client');
      await clients.upsert(id, { client_id: id, client_name: 'first' }, 0);
      await clients.upsert(id, { client_id: id, client_name: 'second' }, 0);
      expect(await clients.find(id)).toEqual({ client_id: id, client_name: 'second' });
    });

    it('keeps entries without an expiry until destroyed', async () => {
      const clients = new Adapter('Session');
      const id = unique('client');
      await clients.upsert(id, { client_id: id }, 0);
      expect(await clients.find(id)).toEqual({ client_id: id });
      await clients.destroy(id);
      expect(await clients.find(id)).toBeUndefined();
    });

    it('forgets a registered client unused for CLIENT_IDLE_SECONDS, and keeps one in use', async () => {
      const clients = new Adapter('Client');
      const [used, unused] = [unique('client'), unique('client')];
      await clients.upsert(used, { client_id: used }, 0);
      await clients.upsert(unused, { client_id: unused }, 0);
      for (let day = 1; day <= 10; day++) {
        await time.advance(24 * 60 * 60);
        expect(await clients.find(used)).toEqual({ client_id: used });
      }
      expect(await clients.find(unused)).toBeUndefined();
      await time.advance(CLIENT_IDLE_SECONDS);
      expect(await clients.find(used)).toBeUndefined();
    });

    it('forgets an entry once its expiresIn has passed', async () => {
      const codes = new Adapter('AuthorizationCode');
      const id = unique('code');
      await codes.upsert(id, { grantId: unique('grant') }, 60);
      expect(await codes.find(id)).toBeDefined();
      await time.advance(59);
      expect(await codes.find(id)).toBeDefined();
      await time.advance(1);
      expect(await codes.find(id)).toBeUndefined();
    });

    it('marks a consumed entry with the time it was consumed', async () => {
      const codes = new Adapter('AuthorizationCode');
      const id = unique('code');
      await codes.upsert(id, { grantId: unique('grant') }, 60);
      expect((await codes.find(id))?.consumed).toBeUndefined();
      const before = epochSeconds(time.now);
      await codes.consume(id);
      const consumed = (await codes.find(id))?.consumed;
      expect(typeof consumed).toBe('number');
      expect(consumed).toBeGreaterThanOrEqual(before);
    });

    it('finds a session by its uid', async () => {
      const sessions = new Adapter('Session');
      const id = unique('session');
      const uid = unique('uid');
      await sessions.upsert(id, { uid, accountId: 'bob' }, 60);
      expect(await sessions.findByUid(uid)).toEqual({ uid, accountId: 'bob' });
      expect(await sessions.findByUid(unique('other'))).toBeUndefined();
    });

    it('finds a device code by its user code', async () => {
      const deviceCodes = new Adapter('DeviceCode');
      const id = unique('device');
      await deviceCodes.upsert(id, { userCode: 'WDJB-MJHT', grantId: unique('grant') }, 60);
      expect((await deviceCodes.findByUserCode('WDJB-MJHT'))?.userCode).toBe('WDJB-MJHT');
    });

    it('revokes every token of a grant, and only those', async () => {
      const grantId = unique('grant');
      const otherGrant = unique('grant');
      const accessTokens = new Adapter('AccessToken');
      const refreshTokens = new Adapter('RefreshToken');
      const [at, rt, kept] = [unique('at'), unique('rt'), unique('at')];
      await accessTokens.upsert(at, { grantId }, 60);
      await refreshTokens.upsert(rt, { grantId }, 600);
      await accessTokens.upsert(kept, { grantId: otherGrant }, 60);
      await accessTokens.revokeByGrantId!(grantId);
      expect(await accessTokens.find(at)).toBeUndefined();
      expect(await refreshTokens.find(rt)).toBeUndefined();
      expect(await accessTokens.find(kept)).toEqual({ grantId: otherGrant });
    });

    it('counts from 1, and two counters do not share a value', async () => {
      const name = unique('counter');
      expect(await storage.increment(name)).toBe(1);
      expect(await storage.increment(name)).toBe(2);
      expect(await storage.increment(`${name}-other`)).toBe(1);
      expect(await storage.increment(name)).toBe(3);
    });

    it('keeps the first value of a setting', async () => {
      const name = unique('setting');
      expect(await storage.settingOrDefault(name, 'first')).toBe('first');
      expect(await storage.settingOrDefault(name, 'second')).toBe('first');
    });
  });
}

/** The playground's own documents (Mastodon apps and statuses), on every backend. */
export function describeDocumentContract(name: string, backend: StorageUnderTest) {
  describe(`${name} documents`, () => {
    const time = suiteTime(backend);
    let storage: OidcStorage;
    beforeAll(async () => {
      storage = await backend.open(time.now);
    });
    afterAll(async () => {
      await storage.close();
    });
    const kind = () => `status-${Math.random().toString(36).slice(2)}`;
    const textDocument = z.object({ text: z.string() });
    const numbered = z.object({ n: z.number() });
    const versioned = z.object({ v: z.number() });

    it('gets what it put, and nothing once deleted', async () => {
      const k = kind();
      await storage.putDocument(k, '1000000000000001', { text: 'hello' }, ['account:alice']);
      expect(await storage.getDocument(k, '1000000000000001', textDocument)).toEqual({ text: 'hello' });
      await storage.deleteDocument(k, '1000000000000001');
      expect(await storage.getDocument(k, '1000000000000001', textDocument)).toBeUndefined();
      expect(await storage.listDocuments(k, 'account:alice', { limit: 10 }, textDocument)).toEqual([]);
    });

    it('lists an index newest first, paged by max_id, since_id and min_id', async () => {
      const k = kind();
      for (let i = 1; i <= 5; i++) {
        await storage.putDocument(
          k,
          `100000000000000${i}`,
          { n: i },
          i % 2 ? ['public', 'account:alice'] : ['account:alice'],
        );
      }
      const ns = (docs: Array<z.infer<typeof numbered>>) => docs.map((doc) => doc.n);
      expect(ns(await storage.listDocuments(k, 'account:alice', { limit: 3 }, numbered))).toEqual([5, 4, 3]);
      expect(ns(await storage.listDocuments(k, 'public', { limit: 10 }, numbered))).toEqual([5, 3, 1]);
      expect(
        ns(
          await storage.listDocuments(k, 'account:alice', { limit: 10, maxId: '1000000000000004' }, numbered),
        ),
      ).toEqual([3, 2, 1]);
      expect(
        ns(
          await storage.listDocuments(
            k,
            'account:alice',
            { limit: 10, sinceId: '1000000000000003' },
            numbered,
          ),
        ),
      ).toEqual([5, 4]);
      expect(
        ns(
          await storage.listDocuments(k, 'account:alice', { limit: 2, minId: '1000000000000001' }, numbered),
        ),
      ).toEqual([3, 2]);
    });

    it('counts the documents of an index', async () => {
      const k = kind();
      expect(await storage.countDocuments(k, 'account:alice')).toBe(0);
      for (let i = 1; i <= 3; i++) {
        await storage.putDocument(
          k,
          `100000000000000${i}`,
          { n: i },
          i === 1 ? ['account:alice', 'public'] : ['account:alice'],
        );
      }
      await storage.putDocument(k, '1000000000000009', { n: 9 }, ['account:bob']);
      expect(await storage.countDocuments(k, 'account:alice')).toBe(3);
      expect(await storage.countDocuments(k, 'public')).toBe(1);
      await storage.deleteDocument(k, '1000000000000002');
      expect(await storage.countDocuments(k, 'account:alice')).toBe(2);
    });

    it('moves a document between indexes when it is put again', async () => {
      const k = kind();
      await storage.putDocument(k, '1000000000000001', { v: 1 }, ['public']);
      await storage.putDocument(k, '1000000000000001', { v: 2 }, ['account:bob']);
      expect(await storage.listDocuments(k, 'public', { limit: 10 }, versioned)).toEqual([]);
      expect(await storage.listDocuments(k, 'account:bob', { limit: 10 }, versioned)).toEqual([{ v: 2 }]);
    });

    it('reads a document that no longer matches its schema as absent, and lists past it', async () => {
      const k = kind();
      await storage.putDocument(k, '1000000000000001', { n: 1 }, ['public']);
      await storage.putDocument(k, '1000000000000002', { n: 'two' }, ['public']);
      expect(await storage.getDocument(k, '1000000000000002', numbered)).toBeUndefined();
      expect(await storage.getDocument(k, '1000000000000001', numbered)).toEqual({ n: 1 });
      expect(await storage.listDocuments(k, 'public', { limit: 10 }, numbered)).toEqual([{ n: 1 }]);
    });

    it('remembers the first value of a name until it expires', async () => {
      const name = `idempotency-${Math.random()}`;
      expect(await storage.rememberOnce(name, 'first', 60)).toBe('first');
      expect(await storage.rememberOnce(name, 'second', 60)).toBe('first');
      await time.advance(59);
      expect(await storage.rememberOnce(name, 'second', 60)).toBe('first');
      await time.advance(1);
      expect(await storage.rememberOnce(name, 'third', 60)).toBe('third');
    });
  });
}
