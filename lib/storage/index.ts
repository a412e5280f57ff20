import path from 'node:path';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { openRedisStorage } from './redis';
import { openSqliteStorage } from './sqlite';
import type { OidcStorage } from './types';

export type { OidcStorage } from './types';

/** Redis when `REDIS_URL` is set (several instances), otherwise SQLite in the data directory. */
export function openStorage(options: { redisUrl?: string; dataDir: string }): OidcStorage {
  if (options.redisUrl) return openRedisStorage(options.redisUrl);
  return openSqliteStorage(path.join(options.dataDir, 'playground.sqlite'));
}

/** oidc-provider's Adapter interface over a storage backend: one instance per model name. */
export function adapterClass(storage: OidcStorage) {
  return class StorageAdapter implements Adapter {
    constructor(private readonly model: string) {}
    upsert(id: string, payload: AdapterPayload, expiresIn: number) {
      return storage.upsert(this.model, id, payload, expiresIn);
    }
    find(id: string) {
      return storage.find(this.model, id);
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
