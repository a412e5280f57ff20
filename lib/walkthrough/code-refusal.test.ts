import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace/types';
import { codeIssue, describeCodeRefusal, explainCodeRefusal } from './code-refusal';

const ORIGIN = 'http://localhost:3000';
const T0 = Date.parse('2026-01-01T10:00:00Z');
let seq = 0;

function exchange(
  method: string,
  url: string,
  at: number,
  status: number,
  extra: { body?: string; location?: string } = {},
): TraceEvent {
  seq += 1;
  return {
    id: `e${seq}`,
    seq,
    time: new Date(at).toISOString(),
    durationMs: 1,
    from: 'client',
    to: 'authorization-server',
    channel: 'back',
    request: { method, url, headers: [], body: extra.body ?? null, bodyEncoding: 'utf8', truncated: false },
    response: {
      status,
      headers: extra.location ? [['location', extra.location]] : [],
      body: null,
      bodyEncoding: 'utf8',
      truncated: false,
    },
  };
}

const authorize = (at: number) =>
  exchange(
    'GET',
    `${ORIGIN}/oidc/auth?response_type=code&code_challenge=CH&code_challenge_method=S256`,
    at,
    303,
  );
const issue = (code: string, at: number) =>
  exchange('GET', `${ORIGIN}/oidc/auth/uid123`, at, 303, {
    location: `${ORIGIN}/callback?code=${code}&state=s&iss=x`,
  });
const redeem = (code: string, at: number, status: number) =>
  exchange('POST', `${ORIGIN}/oidc/token`, at, status, {
    body: `grant_type=authorization_code&code=${code}&redirect_uri=x&code_verifier=v`,
  });

describe('why the token endpoint refused an authorization code', () => {
  it('finds the redirect that issued the code', () => {
    const events = [authorize(T0), issue('abc', T0 + 1000)];
    expect(codeIssue(events, 'abc')?.seq).toBe(events[1]!.seq);
    expect(codeIssue(events, 'other')).toBeUndefined();
  });

  it('names expiry, with the time, when the code outlived the server’s lifetime', () => {
    const events = [authorize(T0), issue('abc', T0), redeem('abc', T0 + 75_000, 400)];
    const refusal = explainCodeRefusal({
      events,
      code: 'abc',
      ttlSeconds: 60,
      refusedAt: T0 + 75_000,
      verifierChallenge: 'CH',
    });
    expect(refusal).toEqual({ cause: 'expired', expiredAt: T0 + 60_000 });
    expect(describeCodeRefusal(refusal, 60)).toContain(
      `expired at ${new Date(T0 + 60_000).toTimeString().slice(0, 8)}`,
    );
  });

  it('names the exchange that already redeemed the code, and says its tokens are revoked', () => {
    const events = [
      authorize(T0),
      issue('abc', T0),
      exchange('GET', `${ORIGIN}/oidc/me`, T0 + 2000, 200),
      redeem('abc', T0 + 5000, 200),
      redeem('abc', T0 + 9000, 400),
    ];
    const refusal = explainCodeRefusal({
      events,
      code: 'abc',
      ttlSeconds: 60,
      refusedAt: T0 + 9000,
      verifierChallenge: 'CH',
    });
    expect(refusal).toEqual({ cause: 'already-redeemed', exchangeNumber: 4 });
    expect(describeCodeRefusal(refusal, 60)).toMatch(/already redeemed in exchange #4.*revoked the tokens/);
  });

  it('prefers expiry to reuse: the server checks expiry first and then revokes nothing', () => {
    const events = [
      authorize(T0),
      issue('abc', T0),
      redeem('abc', T0 + 5000, 200),
      redeem('abc', T0 + 61_000, 400),
    ];
    expect(
      explainCodeRefusal({
        events,
        code: 'abc',
        ttlSeconds: 60,
        refusedAt: T0 + 61_000,
        verifierChallenge: 'CH',
      }).cause,
    ).toBe('expired');
  });

  it('names a code_verifier that does not hash to the code_challenge the code was issued for', () => {
    const events = [authorize(T0), issue('abc', T0), redeem('abc', T0 + 5000, 400)];
    const refusal = explainCodeRefusal({
      events,
      code: 'abc',
      ttlSeconds: 60,
      refusedAt: T0 + 5000,
      verifierChallenge: 'OTHER',
    });
    expect(refusal).toEqual({ cause: 'verifier-mismatch' });
    expect(describeCodeRefusal(refusal, 60)).toContain('code_verifier does not match the code_challenge');
  });

  it('does not guess when the trace shows no cause', () => {
    const events = [redeem('abc', T0, 400)];
    const refusal = explainCodeRefusal({ events, code: 'abc', ttlSeconds: 60, refusedAt: T0 });
    expect(refusal).toEqual({ cause: 'unknown' });
    expect(describeCodeRefusal(refusal, 60)).not.toMatch(/expired at|already redeemed/);
  });
});
