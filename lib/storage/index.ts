import 'server-only';
import path from 'node:path';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { openRedisStorage } from './redis';
import { openSqliteStorage } from './sqlite';
import type { Clock, OidcStorage } from './types';

export type { OidcStorage } from './types';

/** Redis when `REDIS_URL` is set (several instances), otherwise SQLite in the data directory. */
export function openStorage(options: { redisUrl?: string; dataDir: string }): OidcStorage {
  if (options.redisUrl) return openRedisStorage(options.redisUrl);
  return openSqliteStorage(path.join(options.dataDir, 'playground.sqlite'));
}

/**
 * Registered clients (from /oidc/reg and /api/v1/apps) are forgotten after a week unused: registration
 * is open to anyone, so clients nobody uses must not pile up. The demo clients are configured, not stored.
 */
export const CLIENT_IDLE_SECONDS = 7 * 24 * 60 * 60;
// Pushing the expiry back is a write: once an hour per client is plenty for a week's idle period.
const CLIENT_REFRESH_MS = 60 * 60 * 1000;
const CLIENT = 'Client';

/** oidc-provider's Adapter interface over a storage backend: one instance per model name. */
export function adapterClass(storage: OidcStorage, { now = Date.now }: { now?: Clock } = {}) {
  // When each client's expiry was last pushed back by this process.
  const refreshed = new Map<string, number>();
  const remember = (id: string) => {
    if (refreshed.size >= 10_000) refreshed.clear();
    refreshed.set(id, now());
  };
  async function keepAlive(id: string, payload: AdapterPayload) {
    if (now() - (refreshed.get(id) ?? -Infinity) < CLIENT_REFRESH_MS) return;
    remember(id);
    await storage.upsert(CLIENT, id, payload, CLIENT_IDLE_SECONDS);
  }

  return class StorageAdapter implements Adapter {
    constructor(private readonly model: string) {}
    upsert(id: string, payload: AdapterPayload, expiresIn: number) {
      if (this.model !== CLIENT) return storage.upsert(this.model, id, payload, expiresIn);
      // oidc-provider stores registered clients without an expiry.
      remember(id);
      return storage.upsert(CLIENT, id, payload, CLIENT_IDLE_SECONDS);
    }
    async find(id: string) {
      const payload = await storage.find(this.model, id);
      if (payload && this.model === CLIENT) await keepAlive(id, payload);
      return payload;
    }
    findByUid(uid: string) {
      return storage.findByUid(this.model, uid);
    }
    findByUserCode(userCode: string) {
      return storage.findByUserCode(this.model, userCode);
    }
    consume(id: string) {
      return storage.consume(this.model, id);
    }
    destroy(id: string) {
      return storage.destroy(this.model, id);
    }
    revokeByGrantId(grantId: string) {
      return storage.revokeByGrantId(grantId);
    }
  };
}
