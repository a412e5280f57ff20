import { describe, expect, it } from 'vitest';
import { installTestLearnerKey } from '../testing/learner-key';
import { traceStore } from '../trace';
import { LEARNER_COOKIE, newLearnerId, signLearnerId } from '../trace/learner';
import { checkChallenge } from './routes';
import { bearerCall, tokenRequest } from './testing';

const key = installTestLearnerKey();
const check = (slug: string, learnerId?: string) =>
  checkChallenge(
    new Request(`http://localhost:3000/api/challenges/${slug}/check`, {
      method: 'POST',
      headers: learnerId ? { cookie: `${LEARNER_COOKIE}=${signLearnerId(learnerId, key)}` } : {},
    }),
    slug,
  );

/** A learner's own trace, appended as the recorder does. */
function traceOf(learnerId: string, events: ReturnType<typeof tokenRequest>[]) {
  for (const { seq: _seq, ...event } of events) {
    void _seq;
    traceStore().append(learnerId, event);
  }
}

const redeem = { grant_type: 'authorization_code', code: 'c', code_verifier: 'v' };

describe('POST /api/challenges/<slug>/check', () => {
  it('grades the learner’s own trace: solved, with the exchanges that prove it', async () => {
    const learner = newLearnerId();
    traceOf(learner, [
      tokenRequest(1, redeem, 200, { access_token: 'first' }),
      tokenRequest(2, redeem, 400, { error: 'invalid_grant' }),
      bearerCall(3, '/api/v1/accounts/verify_credentials', 'first', 401),
    ]);
    const response = await check('replayed-code', learner);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const verdict = (await response.json()) as { solved: boolean; proof: number[] };
    expect(verdict.solved).toBe(true);
    expect(verdict.proof).toHaveLength(3);
  });

  it('does not count another learner’s exchanges', async () => {
    const solver = newLearnerId();
    traceOf(solver, [
      tokenRequest(1, redeem, 200, { access_token: 'theirs' }),
      tokenRequest(2, redeem, 400, { error: 'invalid_grant' }),
      bearerCall(3, '/oidc/me', 'theirs', 401),
    ]);
    const response = await check('replayed-code', newLearnerId());
    expect(await response.json()).toMatchObject({
      solved: false,
      missing: expect.stringContaining('No authorization code'),
    });
  });

  it('refuses a request without the learner’s cookie (401) and an unknown challenge (404)', async () => {
    const anonymous = await check('replayed-code');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: 'no_learner' });
    const unknown = await check('no-such-challenge', newLearnerId());
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'unknown_challenge' });
  });
});
