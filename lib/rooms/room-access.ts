import { errorResponse } from '../http/errors';
import { identifyRequester } from '../http/requester';
import { tryAgainIn, type ThrottleVerdict } from '../http/learner-throttle';
import { normalizeRoomCode } from './code';
import { roomHub, roomJoinLimit } from './index';
import type { RoomInfo } from './types';

/**
 * Who may reach a room: a student by its code, the instructor by its code and key. Every wrong code,
 * and every wrong key, is counted by one limit (JOIN_LIMITS in ./index.ts), so that neither the join
 * route nor the instructor's routes (step, end, stream) can test codes faster than the other.
 */

const JOIN = 'join';

const notFound = () =>
  errorResponse(
    404,
    'room_not_found',
    'No room has this code. Check the code on the instructor’s screen; rooms end after two hours without activity.',
  );

const tooManyWrongCodes = (verdict: Extract<ThrottleVerdict, { allowed: false }>) =>
  errorResponse(
    429,
    'too_many_attempts',
    `Too many wrong room codes ${verdict.reason === 'learner' ? 'from this browser' : 'from your address'}. ${tryAgainIn(verdict.retryAfterSeconds)}`,
    { 'retry-after': String(verdict.retryAfterSeconds) },
  );

/**
 * Students join by code: a wrong code counts against the learner and the address; over the limit,
 * every code waits (otherwise a right guess would still stand out). Answers the room, or the response
 * to send instead.
 */
export async function join(request: Request, rawCode: string): Promise<RoomInfo | Response> {
  const requester = await identifyRequester(request.headers);
  const limit = roomJoinLimit();
  const verdict = await limit.check(JOIN, requester);
  if (!verdict.allowed) return tooManyWrongCodes(verdict);
  const code = normalizeRoomCode(rawCode);
  const room = code ? await roomHub().find(code) : undefined;
  if (!room) {
    await limit.recordFailure(JOIN, requester);
    return code
      ? notFound()
      : errorResponse(400, 'invalid_code', 'A room code is 8 letters and digits, like ABCD-2345.');
  }
  return room;
}

/** The instructor's key, sent as a Bearer token (RFC 6750 section 2.1). */
export function instructorKey(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1];
}

export const noKey = () =>
  errorResponse(
    401,
    'invalid_token',
    'Only the instructor who created the room can change it (its key is missing).',
    { 'www-authenticate': 'Bearer' },
  );

/**
 * The one answer to a code and key that do not open a room together: a code that names no room and a
 * key that is not the room's read the same (404), so that the instructor's routes say nothing of which
 * codes are live, and each counts as a wrong code. Past the limit, the answer is 429; the instructor,
 * whose code and key match, is never refused by it.
 */
export async function notThisRoom(request: Request): Promise<Response> {
  const requester = await identifyRequester(request.headers);
  const limit = roomJoinLimit();
  const verdict = await limit.check(JOIN, requester);
  if (!verdict.allowed) return tooManyWrongCodes(verdict);
  await limit.recordFailure(JOIN, requester);
  return errorResponse(
    404,
    'room_not_found',
    'No room has this code and key. Only the instructor who created a room can change it; rooms end after two hours without a step.',
  );
}
