import 'server-only';
import { z } from 'zod';
import { errorResponse } from '../http/errors';
import { authorizationServer } from '../oidc/provider';
import type { OidcStorage } from '../storage';
import { traceStore } from '../trace';
import { learnerOf } from '../trace/learner-key';
import type { TraceStore } from '../trace/store';
import type { TraceEvent } from '../trace/types';
import { progressOf, recordCheck, resetProgress, type Progress } from './progress';
import { accessTokenRecords } from './records';
import { challengeBySlug } from './registry';
import type { Challenge, Evidence, Verdict } from './types';

/** Where the routes find the learner's trace, the server's records and the progress kept. */
export type ChallengeServices = {
  trace(): TraceStore;
  storage(): Promise<OidcStorage>;
  accessToken: Evidence['accessToken'];
};

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
};

const noLearner = () =>
  errorResponse(
    401,
    'no_learner',
    'This browser has no playground learner cookie yet. Open any playground page first; it sets one.',
  );
const noStore = { 'cache-control': 'no-store' };

const answersSchema = z.strictObject({ answers: z.record(z.string(), z.string().max(2000)) });

/**
 * The learner's answers to the challenge's questions (`{"answers": {"audience": "…"}}`), only those it
 * asks; none for a challenge that asks nothing, whatever the body says.
 */
async function answersOf(request: Request, challenge: Challenge): Promise<Record<string, string> | Response> {
  if (!challenge.questions) return {};
  const text = await request.text();
  if (!text.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const read = answersSchema.safeParse(parsed);
  if (!read.success)
    return errorResponse(
      400,
      'invalid_request',
      'Answers are sent as JSON, {"answers": {"<question>": "<answer>"}}, each answer at most 2000 characters.',
    );
  return Object.fromEntries(
    challenge.questions.flatMap(({ name }) => {
      const answer = read.data.answers[name];
      return answer === undefined ? [] : [[name, answer]];
    }),
  );
}

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
  const answers = await answersOf(request, challenge);
  if (answers instanceof Response) return answers;
  const events = services.trace().list(learnerId);
  const verdict: Verdict = await challenge.grade({ events, accessToken: services.accessToken, answers });
  await recordCheck(await services.storage(), learnerId, slug, verdict.solved);
  return Response.json({ ...verdict, exchanges: exchangesNamed(events, verdict) }, { headers: noStore });
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
