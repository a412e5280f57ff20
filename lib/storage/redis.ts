import { Redis } from 'ioredis';
import type { AdapterPayload } from 'oidc-provider';
import { z } from 'zod';
import { documentAs, parsePayload } from './schema';
import { epochSeconds, type Clock, type OidcStorage } from './types';

// Models oidc-provider consumes once (a code, a rotated refresh token): kept as hashes so that
// `consume` marks one field instead of rewriting the payload.
const CONSUMABLE = new Set([
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

/** A document as kept under `doc:<kind>:<id>`: its value and the indexes it is listed under. */
const storedDocument = z.object({ indexes: z.array(z.string()), value: z.unknown() });
const parseStored = (stored: string) => storedDocument.parse(JSON.parse(stored));

/**
 * Scale-out storage: several app instances share one Redis. The key layout follows the adapter
 * oidc-provider's maintainer publishes: `<model>:<id>` entries, `grant:<grantId>` lists for
 * revokeByGrantId, and `uid:` / `userCode:` secondary keys. Redis expires keys on its own clock; `now`
 * only dates what the adapter records itself (when an entry was consumed).
 */
export function openRedisStorage(
  url: string,
  { prefix = 'playground:', now = Date.now }: { prefix?: string; now?: Clock } = {},
): OidcStorage {
  const redis = new Redis(url, { keyPrefix: prefix, lazyConnect: false, maxRetriesPerRequest: 2 });
  const key = (model: string, id: string) => `${model}:${id}`;
  const grantKey = (grantId: string) => `grant:${grantId}`;
  const uidKey = (model: string, uid: string) => `uid:${model}:${uid}`;
  const userCodeKey = (model: string, userCode: string) => `userCode:${model}:${userCode}`;

  const find = async (model: string, id: string): Promise<AdapterPayload | undefined> => {
    if (CONSUMABLE.has(model)) {
      const entry = await redis.hgetall(key(model, id));
      if (!entry.payload) return undefined;
      const payload = parsePayload(entry.payload);
      return entry.consumed ? { ...payload, consumed: Number(entry.consumed) } : payload;
    }
    const value = await redis.get(key(model, id));
    return value ? parsePayload(value) : undefined;
  };

  const findBySecondary = async (secondary: string, model: string) => {
    const id = await redis.get(secondary);
    return id ? find(model, id) : undefined;
  };

  return {
    kind: 'redis',
    async upsert(model, id, payload, expiresIn) {
      const k = key(model, id);
      const multi = redis.multi();
      if (CONSUMABLE.has(model)) {
        multi.del(k);
        multi.hset(k, { payload: JSON.stringify(payload) });
      } else {
        multi.set(k, JSON.stringify(payload));
      }
      if (expiresIn) multi.expire(k, expiresIn);
      if (payload.grantId) {
        const g = grantKey(payload.grantId);
        multi.rpush(g, k);
        // The list lives as long as its longest-lived member; a grant list never loses a key early.
        const ttl = await redis.ttl(g);
        if (expiresIn && ttl !== -1 && expiresIn > ttl) multi.expire(g, expiresIn);
        if (!expiresIn) multi.persist(g);
      }
      for (const secondary of [
        payload.uid ? uidKey(model, payload.uid) : undefined,
        payload.userCode ? userCodeKey(model, payload.userCode) : undefined,
      ]) {
        if (!secondary) continue;
        if (expiresIn) multi.set(secondary, id, 'EX', expiresIn);
        else multi.set(secondary, id);
      }
      await multi.exec();
    },
    find,
    findByUid: (model, uid) => findBySecondary(uidKey(model, uid), model),
    findByUserCode: (model, userCode) => findBySecondary(userCodeKey(model, userCode), model),
    async consume(model, id) {
      await redis.hset(key(model, id), 'consumed', epochSeconds(now));
    },
    async destroy(model, id) {
      await redis.del(key(model, id));
    },
    async revokeByGrantId(grantId) {
      const g = grantKey(grantId);
      const keys = await redis.lrange(g, 0, -1);
      const multi = redis.multi();
      for (const k of keys) multi.del(k);
      multi.del(g);
      await multi.exec();
    },
    async increment(name) {
      return redis.incr(`counter:${name}`);
    },
    async settingOrDefault(name, value) {
      await redis.set(`setting:${name}`, value, 'NX');
      return (await redis.get(`setting:${name}`))!;
    },
    async putDocument(kind, id, value, indexes) {
      const previous = await redis.get(`doc:${kind}:${id}`);
      const multi = redis.multi();
      if (previous) {
        for (const name of parseStored(previous).indexes) multi.zrem(`index:${kind}:${name}`, id);
      }
      multi.set(`doc:${kind}:${id}`, JSON.stringify({ indexes, value }));
      for (const name of indexes) multi.zadd(`index:${kind}:${name}`, Number(id), id);
      await multi.exec();
    },
    async getDocument(kind, id, schema) {
      const stored = await redis.get(`doc:${kind}:${id}`);
      return stored ? documentAs(parseStored(stored).value, schema) : undefined;
    },
    async deleteDocument(kind, id) {
      const stored = await redis.get(`doc:${kind}:${id}`);
      if (!stored) return;
      const multi = redis.multi();
      for (const name of parseStored(stored).indexes) multi.zrem(`index:${kind}:${name}`, id);
      multi.del(`doc:${kind}:${id}`);
      await multi.exec();
    },
    async listDocuments(kind, index, page, schema) {
      const key = `index:${kind}:${index}`;
      const ids = page.minId
        ? (
            await redis.zrangebyscore(
              key,
              `(${page.minId}`,
              page.maxId ? `(${page.maxId}` : '+inf',
              'LIMIT',
              0,
              page.limit,
            )
          ).reverse()
        : await redis.zrevrangebyscore(
            key,
            page.maxId ? `(${page.maxId}` : '+inf',
            page.sinceId ? `(${page.sinceId}` : '-inf',
            'LIMIT',
            0,
            page.limit,
          );
      if (!ids.length) return [];
      const stored = await redis.mget(ids.map((id) => `doc:${kind}:${id}`));
      return stored
        .filter((value): value is string => value !== null)
        .flatMap((value) => documentAs(parseStored(value).value, schema) ?? []);
    },
    async countDocuments(kind, index) {
      return redis.zcard(`index:${kind}:${index}`);
    },
    async rememberOnce(name, value, ttlSeconds) {
      await redis.set(`remembered:${name}`, value, 'EX', ttlSeconds, 'NX');
      return (await redis.get(`remembered:${name}`)) ?? value;
    },
    async purgeExpired() {
      return 0;
    },
    async close() {
      await redis.quit();
    },
  };
}
