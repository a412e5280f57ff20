import { describe, expect, it } from 'vitest';
import { maskOutcome, OUTCOME_BODY_CHARS, roomOutcomeSchema, type RoomOutcome } from './room-outcome';
import { maskRoomView, withExchanges } from './room-view';
import { roomViewSchema } from './room-view-schema';
import { leakedSecrets, SECRETS, signInRun, unmaskedView } from './room-view.testing';

// The token step as the instructor's step card shows it: its response whole, secrets of real length.
const tokenResponse: RoomOutcome = {
  phase: { kind: 'answered', status: 200 },
  response: {
    status: 200,
    headers: [['dpop-nonce', 'nonce-1']],
    body: JSON.stringify(
      {
        access_token: SECRETS.access_token,
        token_type: 'Bearer',
        refresh_token: SECRETS.refresh_token,
        id_token: SECRETS.id_token,
        expires_in: 3600,
      },
      null,
      2,
    ),
  },
  complete: true,
};

const refusal: RoomOutcome = {
  phase: { kind: 'refused', status: 400 },
  response: {
    status: 400,
    headers: [],
    body: '{"error":"invalid_grant","error_description":"grant request is invalid"}',
  },
  error: { error: 'invalid_grant', error_description: 'grant request is invalid', status: 400 },
};

describe('the outcome of the instructor’s send, as a room carries it', () => {
  it('carries the status, the masked response and whether the flow is complete, and no token', () => {
    const masked = maskOutcome(tokenResponse);
    expect(masked.phase).toEqual({ kind: 'answered', status: 200 });
    expect(masked.response!.status).toBe(200);
    expect(masked.response!.headers).toEqual([['dpop-nonce', 'nonce-1']]);
    expect(JSON.parse(masked.response!.body)).toEqual({
      access_token: 'ZmFrZS…',
      token_type: 'Bearer',
      refresh_token: 'cmVmcm…',
      id_token: 'eyJhbG…',
      expires_in: 3600,
    });
    expect(masked.complete).toBe(true);
    expect(leakedSecrets(JSON.stringify(masked))).toEqual([]);
  });

  it('carries a refusal’s error and error_description verbatim with its status', () => {
    expect(maskOutcome(refusal)).toEqual(refusal);
  });

  it('masks a secret wherever the response or the error puts it, and masking twice changes nothing', () => {
    const leaky: RoomOutcome = {
      phase: { kind: 'refused', status: 401 },
      response: {
        status: 401,
        headers: [['www-authenticate', `Bearer error="invalid_token", id_token_hint="${SECRETS.id_token}"`]],
        body: `{"access_token":"${SECRETS.access_token}"} code=${SECRETS.code}&password=${SECRETS.password}`,
      },
      error: { error: 'invalid_token', error_description: `the token ${SECRETS.id_token} has expired` },
    };
    const masked = maskOutcome(leaky);
    expect(leakedSecrets(JSON.stringify(masked))).toEqual([]);
    expect(maskOutcome(masked)).toEqual(masked);
  });

  it('is bounded: a long body is cut, and the schema refuses what no browser of ours sends', () => {
    const long = maskOutcome({
      ...refusal,
      response: { status: 400, headers: [], body: 'x'.repeat(10_000) },
    });
    expect(long.response!.body.length).toBe(OUTCOME_BODY_CHARS + 1);
    expect(roomOutcomeSchema.safeParse(long).success).toBe(true);
    expect(
      roomOutcomeSchema.safeParse({
        ...refusal,
        response: { status: 400, headers: [], body: 'x'.repeat(10_000) },
      }).success,
    ).toBe(false);
    expect(roomOutcomeSchema.safeParse({ phase: { kind: 'answered', status: 99 } }).success).toBe(false);
  });

  it('travels in the view: masked by the server’s pass, accepted by the publish schema', () => {
    const view = maskRoomView({ ...unmaskedView(), outcome: tokenResponse });
    expect(view.outcome!.response!.status).toBe(200);
    expect(leakedSecrets(JSON.stringify(view))).toEqual([]);
    expect(roomViewSchema.safeParse(view).success).toBe(true);
  });
});

describe('exchanges the servers record while the instructor is away, added to the room’s view', () => {
  it('are added masked, once each, in order, with the run’s count, and no code, cookie or password', () => {
    const base = maskRoomView({ ...unmaskedView(), outcome: refusal });
    const run = signInRun();
    const once = withExchanges(base, run.slice(0, 3));
    const twice = withExchanges(once, run.slice(0, 5));
    expect(twice.exchanges.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5, 11, 12, 13, 14, 15]);
    expect(twice.total).toBe(base.total + 5);
    expect(twice.outcome).toEqual(base.outcome);
    expect(withExchanges(twice, run.slice(0, 5))).toBe(twice);
    const all = withExchanges(twice, run);
    expect(leakedSecrets(JSON.stringify(all))).toEqual([]);
    // A password is hidden whole: its first letters are half of it.
    expect(JSON.stringify(all)).not.toContain('wonder');
    // Which run of the instructor's made them is not the students' to know.
    expect(JSON.stringify(all)).not.toContain('instructor-run-1');
    expect(roomViewSchema.safeParse(all).success).toBe(true);
  });
});
