import { z } from 'zod';
import { readEnv } from '../config/env';
import { errorResponse } from '../http/errors';
import { clientAddress } from '../http/client-address';
import { eventStreamSlot } from '../http/event-stream-limit';
import { identifyRequester } from '../http/requester';
import { tryAgainIn } from '../http/learner-throttle';
import { formatRoomCode, normalizeRoomCode } from './code';
import { openRooms, roomCreationLimit, roomHub, roomRelay } from './index';
import { instructorKey, join, noKey, notThisRoom } from './room-access';
import { ROOMS_PER_ADDRESS, ROOMS_TOTAL } from './open-rooms';
import { maskRoomView, ROOM_VIEW_BYTES, roomViewBytes } from './room-view';
import { roomViewSchema } from './room-view-schema';
import { roomEventStream } from './stream';
import type { RoomInfo } from './types';

/** Classroom rooms' HTTP API. The handlers check input and delegate to the hub. */

const joinUrl = (code: string) => `${readEnv().publicOrigin}/join/${code}`;

const describe = (room: RoomInfo) => ({
  code: room.code,
  display_code: formatRoomCode(room.code),
  join_url: joinUrl(room.code),
  students: room.students,
  step: room.step ?? null,
});

const tooManyOpenRooms = (over: 'address' | 'total') =>
  over === 'address'
    ? errorResponse(
        429,
        'too_many_rooms',
        `Your address has ${ROOMS_PER_ADDRESS} rooms open already. Close one (End the room) before opening another.`,
      )
    : errorResponse(
        503,
        'server_busy',
        `The playground has as many rooms open as it keeps (${ROOMS_TOTAL}). Try again when a class has ended.`,
        { 'retry-after': '300' },
      );

/** POST /api/rooms: a new room, and the instructor's key (shown once, kept by the instructor's browser). */
export async function createRoom(request: Request): Promise<Response> {
  const address = clientAddress(request.headers);
  const verdict = await roomCreationLimit().take(address);
  if (!verdict.allowed)
    return errorResponse(
      429,
      'too_many_rooms',
      `Too many rooms created from your address. ${tryAgainIn(verdict.retryAfterSeconds)}`,
      { 'retry-after': String(verdict.retryAfterSeconds) },
    );
  const admission = await openRooms().admit(address);
  if (!admission.ok) return tooManyOpenRooms(admission.over);
  const { room, key } = await roomHub().create();
  await openRooms().opened(address, room.code);
  return Response.json(
    { ...describe(room), instructor_key: key, expires_after_minutes: readEnv().roomTtlMinutes },
    { status: 201, headers: { 'cache-control': 'no-store' } },
  );
}

/** GET /api/rooms/:code: join a room (rate-limited for wrong codes). */
export async function readRoom(request: Request, code: string): Promise<Response> {
  const room = await join(request, code);
  if (room instanceof Response) return room;
  return Response.json(describe(room), { headers: { 'cache-control': 'no-store' } });
}

/**
 * How many steps the walkthrough of a slug has (a grant's, or an attack's of the lab: both are
 * walkthroughs an instructor can present), or nothing for a slug that names none. The registries are
 * handed in by the route (app/walkthroughs.ts), so that lib/ does not depend on machines/.
 */
export type StepCountOf = (slug: string) => number | undefined;

const stepBody = (stepCountOf: StepCountOf) =>
  z
    .object({
      slug: z.string(),
      stepIndex: z.number().int().min(0),
      view: z.optional(roomViewSchema),
      // The instructor's run (lib/trace/run.ts): the server relays its exchanges, never shares its id.
      run: z
        .string()
        .regex(/^[A-Za-z0-9_-]{8,64}$/)
        .optional(),
    })
    .refine(
      ({ slug, stepIndex }) => {
        const steps = stepCountOf(slug);
        return steps !== undefined && stepIndex < steps;
      },
      { message: 'slug must name a walkthrough and stepIndex one of its steps' },
    );

const issuesOf = (error: z.ZodError) =>
  error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');

/**
 * POST /api/rooms/:code/step: the instructor moved, or the step's exchanges did; every student hears
 * of it. The view is masked here again, whatever the instructor's browser did (./room-view.ts).
 */
export async function publishStep(
  request: Request,
  rawCode: string,
  stepCountOf: StepCountOf,
): Promise<Response> {
  const key = instructorKey(request);
  if (!key) return noKey();
  const code = normalizeRoomCode(rawCode);
  if (!code) return notThisRoom(request);
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    return errorResponse(400, 'invalid_request', 'The body must be JSON: {"slug": "...", "stepIndex": 0}.');
  }
  const parsed = stepBody(stepCountOf).safeParse(json);
  if (!parsed.success) return errorResponse(400, 'invalid_request', issuesOf(parsed.error));
  const { view, run, ...step } = parsed.data;
  if (view && roomViewBytes(view) > ROOM_VIEW_BYTES)
    return errorResponse(
      413,
      'view_too_large',
      `The step's view is larger than ${ROOM_VIEW_BYTES / 1024} KB: send fewer exchanges.`,
    );
  const { learnerId } = await identifyRequester(request.headers);
  const masked = view ? maskRoomView(view) : undefined;
  // What the servers already told the room of this run stays told, however late this view arrived.
  const shown = masked && learnerId ? roomRelay().caughtUp(code, learnerId, run, masked) : masked;
  const published = shown ? { ...step, view: shown } : step;
  const verdict = await roomHub().publish(code, key, published);
  if (!verdict.ok) return notThisRoom(request);
  // While the instructor's browser is at the authorization server, the servers tell the room.
  if (learnerId) roomRelay().follow(code, { key, learnerId, step: published, ...(run ? { run } : {}) });
  return Response.json(describe(withoutView(verdict.value)), { headers: { 'cache-control': 'no-store' } });
}

/** The instructor knows what it sent: the answer to a step says where the room is, without the view. */
const withoutView = ({ step, ...room }: RoomInfo): RoomInfo =>
  step ? { ...room, step: { slug: step.slug, stepIndex: step.stepIndex, seq: step.seq, at: step.at } } : room;

/** DELETE /api/rooms/:code: the instructor ends the room; students are told. */
export async function closeRoom(request: Request, rawCode: string): Promise<Response> {
  const key = instructorKey(request);
  if (!key) return noKey();
  const code = normalizeRoomCode(rawCode);
  if (!code) return notThisRoom(request);
  const verdict = await roomHub().close(code, key);
  if (!verdict.ok) return notThisRoom(request);
  roomRelay().end(code);
  return new Response(null, { status: 204 });
}

/**
 * GET /api/rooms/:code/events: the room, live. `?role=instructor` (not counted as a student) is the
 * instructor's stream: it needs the room's key, as a Bearer token, as stepping does.
 */
export async function streamRoom(request: Request, rawCode: string): Promise<Response> {
  const role = new URL(request.url).searchParams.get('role') === 'instructor' ? 'instructor' : 'student';
  const room = role === 'instructor' ? await asInstructor(request, rawCode) : await join(request, rawCode);
  if (room instanceof Response) return room;
  const slot = eventStreamSlot(request);
  if (slot instanceof Response) return slot;
  try {
    return await roomEventStream(roomHub(), room.code, role, request.signal, slot.release);
  } catch (error) {
    slot.release();
    throw error;
  }
}

/** The room whose code and key the request holds, or the response to send instead. */
async function asInstructor(request: Request, rawCode: string): Promise<{ code: string } | Response> {
  const key = instructorKey(request);
  if (!key) return noKey();
  const code = normalizeRoomCode(rawCode);
  const verdict = code ? await roomHub().authorize(code, key) : undefined;
  return code && verdict?.ok ? { code } : notThisRoom(request);
}
