import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../storage';
import { installTestLearnerKey } from '../testing/learner-key';
import { traceStore } from '../trace';
import { LEARNER_COOKIE, newLearnerId, signLearnerId } from '../trace/learner';
import { checkChallenge, forgetProgress, readProgress, type ChallengeServices } from './routes';
import { bearerCall, tokenRequest } from './testing';
import { inbox } from '../rooms/hub-contract';
import { MemoryRoomHub } from '../rooms/memory-hub';
import { studentIdOf } from '../rooms/progress';
import type { RoomMessage } from '../rooms/types';

const key = installTestLearnerKey();
const storage = openStorage({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'playground-check-')) });
afterAll(() => storage.close());
const rooms = new MemoryRoomHub(60_000);
afterAll(() => rooms.shutdown());
const services: ChallengeServices = {
  trace: traceStore,
  storage: async () => storage,
  accessToken: async () => undefined,
  reportToRoom: async (code, learnerId, report) =>
    (await rooms.report(code, studentIdOf(learnerId, code), report)).ok,
};
const request = (url: string, method: string, learnerId?: string, body?: string) =>
  new Request(`http://localhost:3000${url}`, {
    method,
    headers: learnerId ? { cookie: `${LEARNER_COOKIE}=${signLearnerId(learnerId, key)}` } : {},
    ...(body === undefined ? {} : { body }),
  });
const check = (slug: string, learnerId?: string) =>
  checkChallenge(request(`/api/challenges/${slug}/check`, 'POST', learnerId), slug, services);
const progressOf = async (learnerId: string) =>
  (await (await readProgress(request('/api/challenges/progress', 'GET', learnerId), services)).json()) as {
    progress: Record<string, { status: string }>;
  };

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
    const verdict = (await response.json()) as {
      solved: boolean;
      proof: number[];
      exchanges: { seq: number; line: string }[];
    };
    expect(verdict.solved).toBe(true);
    expect(verdict.proof).toHaveLength(3);
    // Named as the HTTP log heads them, in the order they happened.
    expect(verdict.exchanges.map((exchange) => exchange.line)).toEqual([
      'POST /oidc/token 200',
      'POST /oidc/token 400',
      'GET /api/v1/accounts/verify_credentials 401',
    ]);
    expect(verdict.exchanges.map((exchange) => exchange.seq)).toEqual(verdict.proof);
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

  it('keeps each grade in the learner’s progress, solved staying solved, until the learner resets it', async () => {
    const learner = newLearnerId();
    await check('replayed-code', learner);
    expect((await progressOf(learner)).progress).toMatchObject({ 'replayed-code': { status: 'trying' } });
    traceOf(learner, [
      tokenRequest(1, redeem, 200, { access_token: 'mine' }),
      tokenRequest(2, redeem, 400, { error: 'invalid_grant' }),
      bearerCall(3, '/oidc/me', 'mine', 401),
    ]);
    await check('replayed-code', learner);
    expect((await progressOf(learner)).progress).toMatchObject({ 'replayed-code': { status: 'solved' } });
    const reset = await forgetProgress(request('/api/challenges/progress', 'DELETE', learner), services);
    expect(reset.status).toBe(204);
    expect((await progressOf(learner)).progress).toEqual({});
  });

  it('grades the answers a challenge asks for against the server’s reading of the token', async () => {
    const learner = newLearnerId();
    traceOf(learner, [tokenRequest(1, { grant_type: 'client_credentials' }, 200, { access_token: 'a.b.c' })]);
    const withRecords: ChallengeServices = {
      ...services,
      accessToken: async (token) =>
        token === 'a.b.c'
          ? {
              clientId: 'svc',
              scopes: ['read'],
              active: true,
              audience: ['http://localhost:3000/api'],
              expiresAt: 2_000_000_000,
            }
          : undefined,
    };
    const answer = (body: string) =>
      checkChallenge(
        request('/api/challenges/read-a-token/check', 'POST', learner, body),
        'read-a-token',
        withRecords,
      );
    const right = { audience: 'http://localhost:3000/api', scope: 'read', expires: '2000000000' };
    expect(await (await answer(JSON.stringify({ answers: right }))).json()).toMatchObject({ solved: true });
    const wrong = await (await answer(JSON.stringify({ answers: { ...right, scope: 'read write' } }))).json();
    expect(wrong).toMatchObject({ solved: false, missing: expect.stringContaining('the scope is not') });
    // A claim of having solved it is not an answer; a body that is not the answers' shape is refused.
    for (const body of [
      '{"solved":true}',
      'audience=x',
      JSON.stringify({ answers: { scope: 'x'.repeat(2001) } }),
    ]) {
      const refused = await answer(body);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ error: 'invalid_request' });
    }
  });

  it('refuses a body that says the challenge is solved: only the evidence can', async () => {
    const learner = newLearnerId();
    const response = await checkChallenge(
      request('/api/challenges/replayed-code/check', 'POST', learner, '{"solved":true,"proof":[1]}'),
      'replayed-code',
      services,
    );
    expect(response.status).toBe(400);
    expect((await progressOf(learner)).progress).toEqual({});
  });

  it('counts the grade in the student’s classroom room, with nothing of the trace, under another id', async () => {
    const { room } = await rooms.create();
    const instructor = inbox();
    await rooms.subscribe(room.code, 'instructor', instructor.listener);
    const learner = newLearnerId();
    traceOf(learner, [
      tokenRequest(1, redeem, 200, { access_token: 'secret-token' }),
      tokenRequest(2, redeem, 400, { error: 'invalid_grant' }),
      bearerCall(3, '/oidc/me', 'secret-token', 401),
    ]);
    const counted = await checkChallenge(
      request(
        '/api/challenges/replayed-code/check',
        'POST',
        learner,
        JSON.stringify({ room: room.code.toLowerCase(), name: ' Ann ' }),
      ),
      'replayed-code',
      services,
    );
    expect(await counted.json()).toMatchObject({ solved: true, room: 'counted' });
    const tallied = await instructor.until(
      (message: RoomMessage) => message.type === 'progress' && message.progress.seq === 1,
    );
    expect(tallied).toEqual({
      type: 'progress',
      progress: {
        seq: 1,
        challenges: { 'replayed-code': { solved: 1, trying: 0 } },
        named: [{ name: 'Ann', solved: ['replayed-code'], trying: [] }],
      },
    });
    expect(JSON.stringify(instructor.messages)).not.toMatch(new RegExp(`secret-token|${learner}`));

    const gone = await checkChallenge(
      request('/api/challenges/replayed-code/check', 'POST', learner, JSON.stringify({ room: 'ZZZZZZZZ' })),
      'replayed-code',
      services,
    );
    expect(await gone.json()).toMatchObject({ solved: true, room: 'gone' });
    const badName = await checkChallenge(
      request(
        '/api/challenges/replayed-code/check',
        'POST',
        learner,
        JSON.stringify({ room: room.code, name: 'x'.repeat(41) }),
      ),
      'replayed-code',
      services,
    );
    expect(badName.status).toBe(400);
  });

  it('refuses to read or reset progress without the learner’s cookie', async () => {
    expect((await readProgress(request('/api/challenges/progress', 'GET'), services)).status).toBe(401);
    expect((await forgetProgress(request('/api/challenges/progress', 'DELETE'), services)).status).toBe(401);
  });
});
