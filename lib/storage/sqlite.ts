import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AdapterPayload } from 'oidc-provider';
import { epochSeconds, type OidcStorage } from './types';

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
`;

type Row = { payload: string; expires_at: number | null; consumed_at: number | null };

/** The embedded default: one SQLite file in the data directory (WAL, so readers never wait on writers). */
export function openSqliteStorage(file: string): OidcStorage {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);

  const upsert = db.prepare(`
    INSERT INTO oidc_models (model, id, payload, grant_id, user_code, uid, expires_at, consumed_at)
    VALUES (@model, @id, @payload, @grant_id, @user_code, @uid, @expires_at, NULL)
    ON CONFLICT (model, id) DO UPDATE SET payload = excluded.payload, grant_id = excluded.grant_id,
      user_code = excluded.user_code, uid = excluded.uid, expires_at = excluded.expires_at`);
  const byId = db.prepare<[string, string], Row>(
    'SELECT payload, expires_at, consumed_at FROM oidc_models WHERE model = ? AND id = ?',
  );
  const byUid = db.prepare<[string, string], Row>(
    'SELECT payload, expires_at, consumed_at FROM oidc_models WHERE model = ? AND uid = ?',
  );
  const byUserCode = db.prepare<[string, string], Row>(
    'SELECT payload, expires_at, consumed_at FROM oidc_models WHERE model = ? AND user_code = ?',
  );
  const consume = db.prepare('UPDATE oidc_models SET consumed_at = ? WHERE model = ? AND id = ?');
  const destroy = db.prepare('DELETE FROM oidc_models WHERE model = ? AND id = ?');
  const revoke = db.prepare('DELETE FROM oidc_models WHERE grant_id = ?');
  const purge = db.prepare('DELETE FROM oidc_models WHERE expires_at IS NOT NULL AND expires_at <= ?');
  const insertSetting = db.prepare('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const readSetting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE name = ?');

  const putDocument = db.transaction((kind: string, id: string, value: string, indexes: string[]) => {
    db.prepare(
      'INSERT INTO documents (kind, id, value) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value',
    ).run(kind, id, value);
    db.prepare('DELETE FROM document_index WHERE kind = ? AND id = ?').run(kind, id);
    const index = db.prepare('INSERT OR IGNORE INTO document_index (kind, idx, id) VALUES (?, ?, ?)');
    for (const name of indexes) index.run(kind, name, id);
  });
  const deleteDocument = db.transaction((kind: string, id: string) => {
    db.prepare('DELETE FROM documents WHERE kind = ? AND id = ?').run(kind, id);
    db.prepare('DELETE FROM document_index WHERE kind = ? AND id = ?').run(kind, id);
  });
  const getDocument = db.prepare<[string, string], { value: string }>(
    'SELECT value FROM documents WHERE kind = ? AND id = ?',
  );
  const rememberedRead = db.prepare<[string, number], { value: string }>(
    'SELECT value FROM remembered WHERE name = ? AND expires_at > ?',
  );
  const rememberedWrite = db.prepare(
    `INSERT INTO remembered (name, value, expires_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
     WHERE remembered.expires_at <= ?`,
  );
  const purgeRemembered = db.prepare('DELETE FROM remembered WHERE expires_at <= ?');

  const live = (row: Row | undefined): AdapterPayload | undefined => {
    if (!row || (row.expires_at !== null && row.expires_at <= epochSeconds())) return undefined;
    const payload = JSON.parse(row.payload) as AdapterPayload;
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
        expires_at: expiresIn ? epochSeconds() + expiresIn : null,
      });
    },
    async find(model, id) {
      return live(byId.get(model, id));
    },
    async findByUid(model, uid) {
      return live(byUid.get(model, uid));
    },
    async findByUserCode(model, userCode) {
      return live(byUserCode.get(model, userCode));
    },
    async consume(model, id) {
      consume.run(epochSeconds(), model, id);
    },
    async destroy(model, id) {
      destroy.run(model, id);
    },
    async revokeByGrantId(grantId) {
      revoke.run(grantId);
    },
    async settingOrDefault(name, value) {
      insertSetting.run(name, value);
      return readSetting.get(name)!.value;
    },
    async putDocument(kind, id, value, indexes) {
      putDocument(kind, id, JSON.stringify(value), indexes);
    },
    async getDocument<T>(kind: string, id: string) {
      const row = getDocument.get(kind, id);
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    async deleteDocument(kind, id) {
      deleteDocument(kind, id);
    },
    async listDocuments<T>(
      kind: string,
      index: string,
      page: { limit: number; maxId?: string; sinceId?: string; minId?: string },
    ) {
      const conditions = ['i.kind = ?', 'i.idx = ?'];
      const values: unknown[] = [kind, index];
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
        .all(...values, page.limit) as Array<{ value: string }>;
      const documents = rows.map((row) => JSON.parse(row.value) as T);
      return page.minId ? documents.reverse() : documents;
    },
    async rememberOnce(name, value, ttlSeconds) {
      const now = epochSeconds();
      rememberedWrite.run(name, value, now + ttlSeconds, now);
      return rememberedRead.get(name, now)!.value;
    },
    async purgeExpired() {
      purgeRemembered.run(epochSeconds());
      return purge.run(epochSeconds()).changes;
    },
    async close() {
      db.close();
    },
  };
}
