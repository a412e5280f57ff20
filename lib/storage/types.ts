import type { AdapterPayload } from 'oidc-provider';
import type { z } from 'zod';

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
  /**
   * Documents of the playground's own (Mastodon apps, statuses), kept next to the authorization
   * server's state. `id`s are fixed-length numeric strings, so their order is their age. Each document
   * is listed under the `indexes` it is saved with (`account:alice`, `public`). Documents are read
   * with their reader's `schema`; one that does not match it (kept by an earlier version) reads as absent.
   */
  putDocument(kind: string, id: string, value: unknown, indexes: string[]): Promise<void>;
  getDocument<T>(kind: string, id: string, schema: z.ZodType<T>): Promise<T | undefined>;
  deleteDocument(kind: string, id: string): Promise<void>;
  /** Newest first: ids below `maxId` and above `sinceId`; with `minId`, the oldest above it (still newest first). */
  listDocuments<T>(kind: string, index: string, page: DocumentPage, schema: z.ZodType<T>): Promise<T[]>;
  /** How many documents are listed under `index`, without reading them. */
  countDocuments(kind: string, index: string): Promise<number>;
  /** Stores `value` under `name` for `ttlSeconds` unless present; answers the value stored first. */
  rememberOnce(name: string, value: string, ttlSeconds: number): Promise<string>;
  /** Adds one to the counter `name` (from 0) and answers the new value, for every instance sharing this storage. */
  increment(name: string): Promise<number>;
  /** Removes expired entries; answers how many went. Redis expires keys itself and answers 0. */
  purgeExpired(): Promise<number>;
  close(): Promise<void>;
}

export type DocumentPage = { limit: number; maxId?: string; sinceId?: string; minId?: string };

/** Milliseconds since the epoch, as `Date.now` answers; tests pass a clock they move by hand. */
export type Clock = () => number;

export const epochSeconds = (now: Clock): number => Math.floor(now() / 1000);
