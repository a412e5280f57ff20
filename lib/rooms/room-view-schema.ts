import { z } from 'zod';
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
const text = (max: number) => z.string().max(max);
const headers = z.array(z.tuple([text(100), text(ROOM_HEADER_CHARS + 1)])).max(ROOM_HEADERS);
const body = text(ROOM_BODY_CHARS + 200).nullable();

const message = {
  headers,
  body,
  bodyEncoding: z.enum(['utf8', 'base64']),
  truncated: z.boolean(),
  bodyBytes: z.number().int().min(0).optional(),
};

const exchange = z.object({
  id: text(100),
  seq: z.number().int().min(0),
  time: text(40),
  durationMs: z.number().min(0),
  from: ROLE,
  to: ROLE,
  channel: z.enum(['front', 'back']),
  run: text(100).optional(),
  request: z.object({ ...message, method: text(16), url: z.url().max(ROOM_URL_CHARS + 1) }),
  response: z.object({ ...message, status: z.number().int().min(100).max(599) }),
  note: text(ROOM_HEADER_CHARS + 1).optional(),
});

const fields = <V extends z.ZodType>(value: V) =>
  z
    .record(text(64), value)
    .refine((record) => Object.keys(record).length <= 40, { message: 'at most 40 fields' });

export const roomViewSchema: z.ZodType<RoomView> = z.object({
  exchanges: z.array(exchange).max(ROOM_EXCHANGES),
  total: z.number().int().min(0),
  request: z
    .object({
      method: text(16),
      url: z.url().max(ROOM_URL_CHARS + 1),
      headers,
      body: text(ROOM_BODY_CHARS + 1).optional(),
      sender: text(ROOM_HEADER_CHARS),
    })
    .optional(),
  values: fields(text(ROOM_HEADER_CHARS + 1)),
  tokens: fields(z.union([text(ROOM_HEADER_CHARS + 1), z.number()])),
  outcome: roomOutcomeSchema.optional(),
});
