import { z } from 'zod/mini';
import { roomViewSchema } from './room-view-schema';
import type { RoomProgress } from './progress';
import type { RoomInfo, RoomMessage } from './types';

/**
 * What a room's readers receive, checked where it arrives: the step Redis keeps and the messages it
 * relays between instances, and in the browser the rooms API's answers and the room's events.
 */

/** A step as the room keeps it: where the instructor is, numbered, with the masked view. */
export const publishedStep = z.object({
  slug: z.string(),
  stepIndex: z.number(),
  seq: z.number(),
  at: z.number(),
  view: z.optional(roomViewSchema),
}) satisfies z.ZodMiniType<NonNullable<RoomInfo['step']>>;

/** The class's progress on the challenges (./progress.ts), as the instructor's panel reads it. */
export const roomProgress = z.object({
  seq: z.number(),
  challenges: z.record(z.string(), z.object({ solved: z.number(), trying: z.number() })),
  named: z.array(z.object({ name: z.string(), solved: z.array(z.string()), trying: z.array(z.string()) })),
}) satisfies z.ZodMiniType<RoomProgress>;

const roomMessage = z.discriminatedUnion('type', [
  z.extend(publishedStep, { type: z.literal('step') }),
  z.object({ type: z.literal('presence'), students: z.number() }),
  z.object({ type: z.literal('progress'), progress: roomProgress }),
  z.object({ type: z.literal('closed'), reason: z.enum(['closed', 'expired']) }),
]) satisfies z.ZodMiniType<RoomMessage>;

/** A room's message as one instance hands it to the others over Redis pub/sub. */
export const relayedMessage = z.object({ code: z.string(), message: roomMessage });

/** A `presence` event: how many students follow the room. */
export const presenceEvent = z.object({ students: z.number() });

/** A `step` event as a student's page reads it (the room's step; `at` is the server's). */
export const followedStep = z.omit(publishedStep, { at: true });

/** POST /api/rooms: the new room, and the key only its instructor holds. */
export const createdRoom = z.object({
  code: z.string(),
  display_code: z.string(),
  join_url: z.string(),
  instructor_key: z.string(),
});

/** GET /api/rooms/:code: the room a student joins, and where its instructor is. */
export const joinedRoom = z.object({
  code: z.string(),
  display_code: z.string(),
  students: z.number(),
  step: z.nullable(followedStep),
});

/** A room event's `data` read with its schema; nothing for one that is not JSON of that shape. */
export function eventData<T>(data: unknown, schema: z.ZodMiniType<T>): T | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    return schema.safeParse(JSON.parse(data)).data;
  } catch {
    return undefined;
  }
}
