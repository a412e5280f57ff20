import { z } from 'zod';
import type { AuthorizationServer } from '../oidc/provider';
import { accountEntity } from './accounts';
import type { Caller } from './authenticate';
import { recordNotFound, validationFailed } from './errors';
import { nextId } from './ids';
import { one, type Params } from './params';
import { findApp } from './apps';

export const MAX_CHARACTERS = 500;
/**
 * Each account keeps its newest 200 statuses: the demo accounts are shared by every learner, and a
 * timeline page holds at most 40, so older ones would only grow the storage.
 */
export const MAX_STATUSES_PER_ACCOUNT = 200;
const VISIBILITIES = ['public', 'unlisted', 'private', 'direct'] as const;

/** A status as stored; the Status entity is rendered from it on every read. */
const storedStatus = z.object({
  id: z.string(),
  accountId: z.string(),
  text: z.string(),
  visibility: z.enum(VISIBILITIES),
  spoiler_text: z.string(),
  sensitive: z.boolean(),
  language: z.string().nullable(),
  created_at: z.string(),
  application: z.object({ name: z.string(), website: z.string().nullable() }).nullable(),
});
export type StoredStatus = z.infer<typeof storedStatus>;

const escape = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Mastodon renders plain text as paragraphs, with line breaks kept. */
const toHtml = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escape(paragraph).replace(/\n/g, '<br />')}</p>`)
    .join('');

export function statusEntity(status: StoredStatus, origin: string, { withSource = false } = {}) {
  return {
    id: status.id,
    created_at: status.created_at,
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    sensitive: status.sensitive,
    spoiler_text: status.spoiler_text,
    visibility: status.visibility,
    language: status.language,
    uri: `${origin}/users/${status.accountId}/statuses/${status.id}`,
    url: `${origin}/@${status.accountId}/${status.id}`,
    replies_count: 0,
    reblogs_count: 0,
    favourites_count: 0,
    edited_at: null,
    content: toHtml(status.text),
    reblog: null,
    application: status.application,
    account: accountEntity(status.accountId, origin),
    media_attachments: [],
    mentions: [],
    tags: [],
    emojis: [],
    card: null,
    poll: null,
    ...(withSource ? { text: status.text } : {}),
  };
}

const statusParams = z.object({
  status: z.string().trim().min(1, "Text can't be blank"),
  visibility: z.enum(VISIBILITIES, { error: 'Visibility is not included in the list' }).default('public'),
  spoiler_text: z.string().default(''),
  sensitive: z.enum(['true', 'false', '1', '0']).optional(),
  language: z.string().max(10).optional(),
});

/** Who may see a status: its author always; others only public and unlisted ones. */
const visibleTo = (status: StoredStatus, accountId: string | undefined) =>
  status.accountId === accountId || status.visibility === 'public' || status.visibility === 'unlisted';

const indexesOf = (status: StoredStatus) => [
  `account:${status.accountId}`,
  ...(status.visibility === 'public' ? ['public'] : []),
];

/** POST /api/v1/statuses, honouring Idempotency-Key (the same key within an hour answers the same status). */
export async function createStatus(
  server: AuthorizationServer,
  caller: Caller & { accountId: string },
  params: Params,
  idempotencyKey: string | null,
) {
  const parsed = statusParams.safeParse({
    status: one(params, 'status') ?? '',
    visibility: one(params, 'visibility') || undefined,
    spoiler_text: one(params, 'spoiler_text'),
    sensitive: one(params, 'sensitive'),
    language: one(params, 'language') || undefined,
  });
  if (!parsed.success) throw validationFailed(parsed.error.issues.map((issue) => issue.message).join(', '));
  const { status: text, visibility, spoiler_text, sensitive, language } = parsed.data;
  if ([...text].length > MAX_CHARACTERS)
    throw validationFailed(`Text character limit of ${MAX_CHARACTERS} exceeded`);

  const id = await nextId(server.storage);
  if (idempotencyKey) {
    const first = await server.storage.rememberOnce(
      `idempotency:${caller.accountId}:${idempotencyKey}`,
      id,
      60 * 60,
    );
    if (first !== id) {
      const earlier = await server.storage.getDocument('status', first, storedStatus);
      if (earlier) return statusEntity(earlier, server.env.publicOrigin);
    }
  }
  const app = await findApp(server, caller.clientId);
  const client = app ? undefined : await server.provider.Client.find(caller.clientId);
  const status: StoredStatus = {
    id,
    accountId: caller.accountId,
    text,
    visibility,
    spoiler_text,
    sensitive: sensitive === 'true' || sensitive === '1',
    language: language ?? null,
    created_at: new Date().toISOString(),
    application: app
      ? { name: app.name, website: app.website }
      : {
          // A token from a token exchange says who acted for the user (RFC 8693 §4.1): the post says so too.
          name: caller.actor
            ? `${client?.clientName ?? caller.clientId}, acting for ${caller.accountId} (act.sub: ${caller.actor})`
            : (client?.clientName ?? caller.clientId),
          website: null,
        },
  };
  await server.storage.putDocument('status', id, status, indexesOf(status));
  await keepNewestStatuses(server, caller.accountId);
  return statusEntity(status, server.env.publicOrigin);
}

async function keepNewestStatuses(server: AuthorizationServer, accountId: string) {
  const index = `account:${accountId}`;
  const excess = (await countStatuses(server, accountId)) - MAX_STATUSES_PER_ACCOUNT;
  if (excess <= 0) return;
  const oldest = await server.storage.listDocuments(
    'status',
    index,
    { limit: excess, minId: '0' },
    storedStatus,
  );
  for (const status of oldest) await server.storage.deleteDocument('status', status.id);
}

export async function findStatus(server: AuthorizationServer, id: string, accountId: string | undefined) {
  const status = /^\d{1,20}$/.test(id)
    ? await server.storage.getDocument('status', id, storedStatus)
    : undefined;
  if (!status || !visibleTo(status, accountId)) throw recordNotFound();
  return status;
}

/** DELETE /api/v1/statuses/:id: only the author; answers the deleted status with its source text. */
export async function deleteStatus(server: AuthorizationServer, id: string, accountId: string) {
  const status = await findStatus(server, id, accountId);
  if (status.accountId !== accountId) throw recordNotFound();
  await server.storage.deleteDocument('status', id);
  return statusEntity(status, server.env.publicOrigin, { withSource: true });
}

const pageParams = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .catch(20)
    .transform((limit) => Math.min(limit, 40)),
  max_id: z.string().regex(/^\d+$/).optional().catch(undefined),
  since_id: z.string().regex(/^\d+$/).optional().catch(undefined),
  min_id: z.string().regex(/^\d+$/).optional().catch(undefined),
});

/** A page of a timeline, newest first, with Mastodon's Link header for the next and previous pages. */
export async function timeline(
  server: AuthorizationServer,
  index: string,
  query: URLSearchParams,
  path: string,
) {
  const page = pageParams.parse(Object.fromEntries(query));
  const statuses = await server.storage.listDocuments(
    'status',
    index,
    { limit: page.limit, maxId: page.max_id, sinceId: page.since_id, minId: page.min_id },
    storedStatus,
  );
  const origin = server.env.publicOrigin;
  const links: string[] = [];
  if (statuses.length) {
    links.push(`<${origin}${path}?limit=${page.limit}&max_id=${statuses.at(-1)!.id}>; rel="next"`);
    links.push(`<${origin}${path}?limit=${page.limit}&min_id=${statuses[0]!.id}>; rel="prev"`);
  }
  return { body: statuses.map((status) => statusEntity(status, origin)), link: links.join(', ') };
}

/** `statuses_count` of an account: counted by the storage, never read. */
export const countStatuses = (server: AuthorizationServer, accountId: string) =>
  server.storage.countDocuments('status', `account:${accountId}`);
