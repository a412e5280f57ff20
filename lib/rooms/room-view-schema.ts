import { z } from 'zod/mini';
import {
  ROOM_BODY_CHARS,
  ROOM_EXCHANGES,
  ROOM_HEADER_CHARS,
  ROOM_HEADERS,
  ROOM_URL_CHARS,
  type RoomView,
} from './room-view';
import { roomOutcomeSchema } from './room-outcome';

/**
 * The shape a room's view must have to be published (./room-view.ts), checked before the server masks
 * it again. Its bounds leave a little room over what the instructor's browser sends (a cut value ends
 * in `…`, a cut body says so), and refuse what no browser of ours would.
 */
const ROLE = z.enum(['resource-owner', 'client', 'authorization-server', 'resource-server']);
const text = (max: number) => z.string().check(z.maxLength(max));
const headers = z.array(z.tuple([text(100), text(ROOM_HEADER_CHARS + 1)])).check(z.maxLength(ROOM_HEADERS));
const body = z.nullable(text(ROOM_BODY_CHARS + 200));
const url = z.url().check(z.maxLength(ROOM_URL_CHARS + 1));

const message = {
  headers,
  body,
  bodyEncoding: z.enum(['utf8', 'base64']),
  truncated: z.boolean(),
  bodyBytes: z.optional(z.int().check(z.gte(0))),
};

const exchange = z.object({
  id: text(100),
  seq: z.int().check(z.gte(0)),
  time: text(40),
  durationMs: z.number().check(z.gte(0)),
  from: ROLE,
  to: ROLE,
  channel: z.enum(['front', 'back']),
  run: z.optional(text(100)),
  request: z.object({ ...message, method: text(16), url }),
  response: z.object({ ...message, status: z.int().check(z.gte(100), z.lte(599)) }),
  note: z.optional(text(ROOM_HEADER_CHARS + 1)),
});

const fields = <V extends z.ZodMiniType<string | number>>(value: V) =>
  z
    .record(text(64), value)
    .check(z.refine((record) => Object.keys(record).length <= 40, { message: 'at most 40 fields' }));

export const roomViewSchema: z.ZodMiniType<RoomView> = z.object({
  exchanges: z.array(exchange).check(z.maxLength(ROOM_EXCHANGES)),
  total: z.int().check(z.gte(0)),
  request: z.optional(
    z.object({
      method: text(16),
      url,
      headers,
      body: z.optional(text(ROOM_BODY_CHARS + 1)),
      sender: text(ROOM_HEADER_CHARS),
    }),
  ),
  values: fields(text(ROOM_HEADER_CHARS + 1)),
  tokens: fields(z.union([text(ROOM_HEADER_CHARS + 1), z.number()])),
  outcome: z.optional(roomOutcomeSchema),
});
