import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { AdapterPayload } from 'oidc-provider';
import { z } from 'zod';
import { documentAs, parsePayload } from './schema';
import { epochSeconds, type Clock, type OidcStorage } from './types';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS oidc_models (
  model TEXT NOT NULL,
  id TEXT NOT NULL,
  payload TEXT NOT NULL,
  grant_id TEXT,
  user_code TEXT,
  uid TEXT,
  expires_at INTEGER,
  consumed_at INTEGER,
  PRIMARY KEY (model, id)
);
CREATE INDEX IF NOT EXISTS oidc_models_grant_id ON oidc_models (grant_id) WHERE grant_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS oidc_models_uid ON oidc_models (model, uid) WHERE uid IS NOT NULL;
CREATE INDEX IF NOT EXISTS oidc_models_user_code ON oidc_models (model, user_code) WHERE user_code IS NOT NULL;
CREATE INDEX IF NOT EXISTS oidc_models_expires_at ON oidc_models (expires_at) WHERE expires_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (kind TEXT NOT NULL, id TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (kind, id));
CREATE TABLE IF NOT EXISTS document_index (
  kind TEXT NOT NULL, idx TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (kind, idx, id)
);
CREATE TABLE IF NOT EXISTS remembered (name TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
`;

const modelRow = z.object({
  payload: z.string(),
  expires_at: z.number().nullable(),
  consumed_at: z.number().nullable(),
});
type ModelRow = z.infer<typeof modelRow>;
const valueRow = z.object({ value: z.string() });
const counterRow = z.object({ value: z.union([z.number(), z.bigint()]) });
const countRow = z.object({ count: z.union([z.number(), z.bigint()]) });

/**
 * `node:sqlite` is built into Node.js 22.13 and later. Loaded here rather than imported, so that an
 * older Node says what to do instead of failing at import with "No such built-in module".
 */
function sqliteModule(): typeof import('node:sqlite') {
  const sqlite = process.getBuiltinModule?.('node:sqlite');
  if (!sqlite) {
    throw new Error(
      `The playground needs Node.js 22.13 or later for its SQLite storage (node:sqlite); this is ${process.version}. ` +
        'Start it with npm scripts (npm start, npm test): `npm ci` provisions Node.js 24 for them.',
    );
  }
  return sqlite;
}

/** Runs `work` in one transaction (node:sqlite has no transaction helper). */
function inTransaction(db: DatabaseSync, work: () => void) {
  db.exec('BEGIN IMMEDIATE');
  try {
    work();
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

const row = (statement: StatementSync, ...values: Array<string | number>) =>
  modelRow.optional().parse(statement.get(...values));
const valueOf = (statement: StatementSync, ...values: Array<string | number>) =>
  valueRow.optional().parse(statement.get(...values))?.value;

/**
 * The embedded default: one SQLite file in the data directory (WAL, so readers never wait on
 * writers), through Node's built-in `node:sqlite`: no native addon to rebuild when the runtime changes.
 * Expiry is reckoned on `now`, so tests can move time on instead of waiting.
 */
export function openSqliteStorage(file: string, { now = Date.now }: { now?: Clock } = {}): OidcStorage {
  const seconds = () => epochSeconds(now);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new (sqliteModule().DatabaseSync)(file, { timeout: 5000 });
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
  db.exec(SCHEMA);

  const upsert = db.prepare(`
    INSERT INTO oidc_models (model, id, payload, grant_id, user_code, uid, expires_at, consumed_at)
    VALUES (@model, @id, @payload, @grant_id, @user_code, @uid, @expires_at, NULL)
    ON CONFLICT (model, id) DO UPDATE SET payload = excluded.payload, grant_id = excluded.grant_id,
      user_code = excluded.user_code, uid = excluded.uid, expires_at = excluded.expires_at`);
  const lookupBy = (column: 'id' | 'uid' | 'user_code') =>
    db.prepare(`SELECT payload, expires_at, consumed_at FROM oidc_models WHERE model = ? AND ${column} = ?`);
  const byId = lookupBy('id');
  const byUid = lookupBy('uid');
  const byUserCode = lookupBy('user_code');
  const consume = db.prepare('UPDATE oidc_models SET consumed_at = ? WHERE model = ? AND id = ?');
  const destroy = db.prepare('DELETE FROM oidc_models WHERE model = ? AND id = ?');
  const revoke = db.prepare('DELETE FROM oidc_models WHERE grant_id = ?');
  const purge = db.prepare('DELETE FROM oidc_models WHERE expires_at IS NOT NULL AND expires_at <= ?');
  const insertSetting = db.prepare('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const readSetting = db.prepare('SELECT value FROM settings WHERE name = ?');
  const writeDocument = db.prepare(
    'INSERT INTO documents (kind, id, value) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value',
  );
  const removeDocument = db.prepare('DELETE FROM documents WHERE kind = ? AND id = ?');
  const removeIndexes = db.prepare('DELETE FROM document_index WHERE kind = ? AND id = ?');
  const addIndex = db.prepare('INSERT OR IGNORE INTO document_index (kind, idx, id) VALUES (?, ?, ?)');
  const getDocument = db.prepare('SELECT value FROM documents WHERE kind = ? AND id = ?');
  const countDocuments = db.prepare(
    'SELECT COUNT(*) AS count FROM document_index WHERE kind = ? AND idx = ?',
  );
  const rememberedRead = db.prepare('SELECT value FROM remembered WHERE name = ? AND expires_at > ?');
  const rememberedWrite = db.prepare(
    `INSERT INTO remembered (name, value, expires_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
     WHERE remembered.expires_at <= ?`,
  );
  const purgeRemembered = db.prepare('DELETE FROM remembered WHERE expires_at <= ?');
  const increment = db.prepare(
    `INSERT INTO counters (name, value) VALUES (?, 1)
     ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`,
  );

  const live = (row: ModelRow | undefined): AdapterPayload | undefined => {
    if (!row || (row.expires_at !== null && row.expires_at <= seconds())) return undefined;
    const payload = parsePayload(row.payload);
    return row.consumed_at === null ? payload : { ...payload, consumed: row.consumed_at };
  };

  return {
    kind: 'sqlite',
    async upsert(model, id, payload, expiresIn) {
      upsert.run({
        model,
        id,
        payload: JSON.stringify(payload),
        grant_id: payload.grantId ?? null,
        user_code: payload.userCode ?? null,
        uid: payload.uid ?? null,
        expires_at: expiresIn ? seconds() + expiresIn : null,
      });
    },
    async find(model, id) {
      return live(row(byId, model, id));
    },
    async findByUid(model, uid) {
      return live(row(byUid, model, uid));
    },
    async findByUserCode(model, userCode) {
      return live(row(byUserCode, model, userCode));
    },
    async consume(model, id) {
      consume.run(seconds(), model, id);
    },
    async destroy(model, id) {
      destroy.run(model, id);
    },
    async revokeByGrantId(grantId) {
      revoke.run(grantId);
    },
    async increment(name) {
      return Number(counterRow.parse(increment.get(name)).value);
    },
    async settingOrDefault(name, value) {
      insertSetting.run(name, value);
      return valueOf(readSetting, name)!;
    },
    async putDocument(kind, id, value, indexes) {
      inTransaction(db, () => {
        writeDocument.run(kind, id, JSON.stringify(value));
        removeIndexes.run(kind, id);
        for (const name of indexes) addIndex.run(kind, name, id);
      });
    },
    async getDocument(kind, id, schema) {
      const value = valueOf(getDocument, kind, id);
      return value === undefined ? undefined : documentAs(JSON.parse(value), schema);
    },
    async deleteDocument(kind, id) {
      inTransaction(db, () => {
        removeDocument.run(kind, id);
        removeIndexes.run(kind, id);
      });
    },
    async listDocuments(kind, index, page, schema) {
      const conditions = ['i.kind = ?', 'i.idx = ?'];
      const values: Array<string | number> = [kind, index];
      for (const [bound, operator] of [
        [page.maxId, '<'],
        [page.sinceId, '>'],
        [page.minId, '>'],
      ] as const) {
        if (!bound) continue;
        conditions.push(`i.id ${operator} ?`);
        values.push(bound);
      }
      const order = page.minId ? 'ASC' : 'DESC';
      const rows = db
        .prepare(
          `SELECT d.value FROM document_index i JOIN documents d ON d.kind = i.kind AND d.id = i.id
           WHERE ${conditions.join(' AND ')} ORDER BY i.id ${order} LIMIT ?`,
        )
        .all(...values, page.limit);
      const documents = rows.flatMap(
        (row) => documentAs(JSON.parse(valueRow.parse(row).value), schema) ?? [],
      );
      return page.minId ? documents.reverse() : documents;
    },
    async countDocuments(kind, index) {
      return Number(countRow.parse(countDocuments.get(kind, index)).count);
    },
    async rememberOnce(name, value, ttlSeconds) {
      const at = seconds();
      rememberedWrite.run(name, value, at + ttlSeconds, at);
      return valueOf(rememberedRead, name, at)!;
    },
    async purgeExpired() {
      purgeRemembered.run(seconds());
      return Number(purge.run(seconds()).changes);
    },
    async close() {
      db.close();
    },
  };
}
