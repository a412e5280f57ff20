import 'server-only';
import { errorResponse } from '../http/errors';
import { authorizationServer } from '../oidc/provider';
import { traceStore } from '../trace';
import { learnerOf } from '../trace/learner-key';
import { accessTokenRecords } from './records';
import { challengeBySlug } from './registry';
import type { Evidence, Verdict } from './types';

/**
 * POST /api/challenges/<slug>/check: grades the learner's challenge from what the playground's servers
 * recorded of this learner and what the authorization server knows. The request carries nothing but the
 * learner's cookie: nothing a browser says can solve a challenge.
 */
export async function checkChallenge(request: Request, slug: string): Promise<Response> {
  const challenge = challengeBySlug(slug);
  if (!challenge) return errorResponse(404, 'unknown_challenge', `There is no challenge named “${slug}”.`);
  const learnerId = await learnerOf(request.headers);
  if (!learnerId)
    return errorResponse(
      401,
      'no_learner',
      'This browser has no playground learner cookie yet. Open any playground page first; it sets one.',
    );
  const evidence: Evidence = {
    events: traceStore().list(learnerId),
    // The server's records are read only by the graders that need them.
    accessToken: async (token) => accessTokenRecords(await authorizationServer())(token),
  };
  const verdict: Verdict = await challenge.grade(evidence);
  return Response.json(verdict, { headers: { 'cache-control': 'no-store' } });
}
