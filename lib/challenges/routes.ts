import 'server-only';
import { z } from 'zod';
import { errorResponse } from '../http/errors';
import { authorizationServer } from '../oidc/provider';
import type { OidcStorage } from '../storage';
import { traceStore } from '../trace';
import { learnerOf } from '../trace/learner-key';
import type { TraceStore } from '../trace/store';
import type { TraceEvent } from '../trace/types';
import { roomHub } from '../rooms';
import { normalizeRoomCode } from '../rooms/code';
import { displayNameSchema, studentIdOf, type ProgressReport } from '../rooms/progress';
import { progressOf, recordCheck, resetProgress, type Progress } from './progress';
import { accessTokenRecords } from './records';
import { challengeBySlug } from './registry';
import type { Challenge, Evidence, Verdict } from './types';

/** Where the routes find the learner's trace, the server's records and the progress kept. */
export type ChallengeServices = {
  trace(): TraceStore;
  storage(): Promise<OidcStorage>;
  accessToken: Evidence['accessToken'];
  /** Counts a graded check in a classroom room; false when there is no such live room. */
  reportToRoom(code: string, learnerId: string, report: ProgressReport): Promise<boolean>;
};

/** The room's hub keeps the student under an id of its own, never the learner id (lib/rooms/progress.ts). */
async function reportToRoom(code: string, learnerId: string, report: ProgressReport) {
  const verdict = await roomHub().report(code, studentIdOf(learnerId, code), report);
  return verdict.ok;
}

let records: Promise<Evidence['accessToken']> | undefined;
const serverRecords = () =>
  (records ??= authorizationServer()
    .then(accessTokenRecords)
    .catch((error: unknown) => {
      // A server that failed to start is asked again by the next check.
      records = undefined;
      throw error;
    }));

const playground: ChallengeServices = {
  trace: traceStore,
  storage: async () => (await authorizationServer()).storage,
  // The server's records are read only by the graders that need them; its keys are read once.
  accessToken: async (token) => (await serverRecords())(token),
  reportToRoom,
};

const noLearner = () =>
  errorResponse(
    401,
    'no_learner',
    'This browser has no playground learner cookie yet. Open any playground page first; it sets one.',
  );
const noStore = { 'cache-control': 'no-store' };

/**
 * What a check may carry besides the cookie: the answers to the challenge's questions, and the classroom
 * room the student's progress is counted in, with the name the student gives it (optional).
 */
const checkSchema = z.strictObject({
  answers: z.record(z.string(), z.string().max(2000)).optional(),
  room: z.string().max(20).optional(),
  name: z.union([displayNameSchema, z.literal('')]).optional(),
});
type CheckBody = z.infer<typeof checkSchema>;

async function checkBodyOf(request: Request): Promise<CheckBody | Response> {
  const text = await request.text();
  if (!text.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const read = checkSchema.safeParse(parsed);
  return read.success
    ? read.data
    : errorResponse(
        400,
        'invalid_request',
        'A check sends JSON: {"answers": {"<question>": "<answer>"}} for a challenge that asks questions (each answer at most 2000 characters), and "room" and "name" to be counted in a classroom room (a name is one line, at most 40 characters). Nothing else.',
      );
}

/** The answers to the questions the challenge asks, and only those: none for one that asks nothing. */
const answersTo = (challenge: Challenge, given: CheckBody['answers'] = {}) =>
  Object.fromEntries(
    (challenge.questions ?? []).flatMap(({ name }) => {
      const answer = given[name];
      return answer === undefined ? [] : [[name, answer]];
    }),
  );

/**
 * POST /api/challenges/<slug>/check: grades the learner's challenge from what the playground's servers
 * recorded of this learner and what the authorization server knows, and keeps the grade in the
 * learner's progress. The request carries the learner's cookie, and the answers to the challenge's
 * questions when it asks any, which are checked against the evidence: nothing a browser says can solve
 * a challenge.
 */
export async function checkChallenge(
  request: Request,
  slug: string,
  services: ChallengeServices = playground,
): Promise<Response> {
  const challenge = challengeBySlug(slug);
  if (!challenge) return errorResponse(404, 'unknown_challenge', `There is no challenge named “${slug}”.`);
  const learnerId = await learnerOf(request.headers);
  if (!learnerId) return noLearner();
  const body = await checkBodyOf(request);
  if (body instanceof Response) return body;
  const room = body.room === undefined ? undefined : normalizeRoomCode(body.room);
  if (body.room !== undefined && !room)
    return errorResponse(
      400,
      'invalid_request',
      `“${body.room}” is not a room code: it has eight letters and digits.`,
    );
  const events = services.trace().list(learnerId);
  const verdict: Verdict = await challenge.grade({
    events,
    accessToken: services.accessToken,
    answers: answersTo(challenge, body.answers),
  });
  await recordCheck(await services.storage(), learnerId, slug, verdict.solved);
  const counted = room
    ? await services.reportToRoom(room, learnerId, {
        slug,
        status: verdict.solved ? 'solved' : 'trying',
        ...(body.name ? { name: body.name } : {}),
      })
    : undefined;
  return Response.json(
    {
      ...verdict,
      exchanges: exchangesNamed(events, verdict),
      // Whether the room counted it: a room that has ended says so, and the progress is kept here anyway.
      ...(counted === undefined ? {} : { room: counted ? 'counted' : 'gone' }),
    },
    { headers: noStore },
  );
}

/** The exchanges a verdict names, as the HTTP log heads them: `POST /oidc/token 400`. */
function exchangesNamed(events: readonly TraceEvent[], verdict: Verdict) {
  const named = new Set(verdict.solved ? verdict.proof : verdict.seen);
  return events
    .filter((event) => named.has(event.seq))
    .map((event) => ({
      seq: event.seq,
      line: `${event.request.method} ${new URL(event.request.url).pathname} ${event.response.status}`,
    }));
}

/** GET /api/challenges/progress: the learner's progress, challenge by challenge. */
export async function readProgress(request: Request, services: ChallengeServices = playground) {
  const learnerId = await learnerOf(request.headers);
  if (!learnerId) return noLearner();
  return Response.json(
    { progress: await progressOf(await services.storage(), learnerId) },
    { headers: noStore },
  );
}

/** DELETE /api/challenges/progress: "Reset my progress". */
export async function forgetProgress(request: Request, services: ChallengeServices = playground) {
  const learnerId = await learnerOf(request.headers);
  if (!learnerId) return noLearner();
  await resetProgress(await services.storage(), learnerId);
  return new Response(null, { status: 204 });
}

/** A learner's progress for a page the server renders (the learner read from the request's cookie). */
export async function progressForPage(headers: Headers): Promise<Progress> {
  const learnerId = await learnerOf(headers);
  return learnerId ? progressOf(await playground.storage(), learnerId) : {};
}
