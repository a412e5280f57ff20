import type { AdapterPayload } from 'oidc-provider';

/**
 * What oidc-provider persists (codes, sessions, grants, tokens, registered clients) and the few
 * settings the playground itself keeps (signing and cookie keys). One interface, two backends:
 * SQLite (the embedded default) and Redis (several app instances sharing state). Both pass the same
 * contract suite in `adapter-contract.ts`.
 */
export interface OidcStorage {
  readonly kind: 'sqlite' | 'redis';
  upsert(model: string, id: string, payload: AdapterPayload, expiresIn?: number): Promise<void>;
  find(model: string, id: string): Promise<AdapterPayload | undefined>;
  findByUid(model: string, uid: string): Promise<AdapterPayload | undefined>;
  findByUserCode(model: string, userCode: string): Promise<AdapterPayload | undefined>;
  consume(model: string, id: string): Promise<void>;
  destroy(model: string, id: string): Promise<void>;
  revokeByGrantId(grantId: string): Promise<void>;
  /** Stores `value` under `name` unless a value is there already; answers the stored value. */
  settingOrDefault(name: string, value: string): Promise<string>;
  /** Removes expired entries; answers how many went. Redis expires keys itself and answers 0. */
  purgeExpired(): Promise<number>;
  close(): Promise<void>;
}

export const epochSeconds = (): number => Math.floor(Date.now() / 1000);
