import { describe, expect, it } from 'vitest';
import type { ExchangeResult, WalkthroughContext } from '../../../lib/walkthrough/types';
import { errorCode, expectRefusal, oauthErrorOf, responseHeader } from './expect-refusal';

const context = { params: { aud: 'https://elsewhere' } } as unknown as WalkthroughContext;
const answer = (status: number, body: unknown, headers: Record<string, string> = {}): ExchangeResult => ({
  status,
  headers,
  body,
});

describe('expectRefusal', () => {
  const reuse = expectRefusal({
    status: 400,
    error: 'invalid_grant',
    ifAccepted: 'The server accepted a reused refresh token.',
  });

  it('takes the expected error with its status as the step’s success', () => {
    expect(reuse(context, answer(400, { error: 'invalid_grant' }))).toEqual({ kind: 'succeeded' });
  });

  it('says what the server got wrong when it accepts the request', () => {
    expect(reuse(context, answer(200, { access_token: 'a' }))).toEqual({
      kind: 'failed',
      error: {
        error: 'unexpected_success',
        error_description: 'The server accepted a reused refresh token.',
      },
    });
  });

  it('shows another refusal as it came, not as the expected one', () => {
    expect(
      reuse(context, answer(401, { error: 'invalid_client', error_description: 'no such client' })),
    ).toEqual({
      kind: 'failed',
      error: { error: 'invalid_client', error_description: 'no such client', status: 401 },
    });
    expect(reuse(context, answer(400, { error: 'invalid_request' }))).toMatchObject({
      kind: 'failed',
      error: { error: 'invalid_request', status: 400 },
    });
  });

  it('requires a WWW-Authenticate challenge of a resource server’s refusal when asked (RFC 6750 §3)', () => {
    const bound = expectRefusal({
      status: 401,
      error: 'invalid_token',
      challenge: true,
      ifAccepted: 'accepted',
    });
    expect(bound(context, answer(401, { error: 'invalid_token' }))).toMatchObject({ kind: 'failed' });
    expect(
      bound(
        context,
        answer(401, { error: 'invalid_token' }, { 'WWW-Authenticate': 'DPoP error="invalid_token"' }),
      ),
    ).toEqual({ kind: 'succeeded' });
  });

  it('keeps what the step shows of the refusal, and words an acceptance from the run', () => {
    const step = expectRefusal({
      status: 401,
      error: 'invalid_client',
      ifAccepted: ({ params }) => `accepted an assertion for ${params.aud}`,
      keep: () => ({ values: { kept: 'yes' } }),
    });
    expect(step(context, answer(401, { error: 'invalid_client' }))).toEqual({
      kind: 'succeeded',
      values: { kept: 'yes' },
    });
    expect(step(context, answer(200, {}))).toMatchObject({
      error: { error_description: 'accepted an assertion for https://elsewhere' },
    });
  });
});

describe('reading an error response (RFC 6749 §5.2)', () => {
  it('finds a header whatever its case', () => {
    expect(responseHeader(answer(400, {}, { 'DPoP-Nonce': 'n' }), 'dpop-nonce')).toBe('n');
  });

  it('reads the error code only when the body has one', () => {
    expect(errorCode(answer(400, { error: 'invalid_grant' }))).toBe('invalid_grant');
    expect(errorCode(answer(502, 'Bad Gateway'))).toBeUndefined();
    expect(errorCode(answer(204, null))).toBeUndefined();
  });

  it('names the status when the body is no OAuth error', () => {
    expect(oauthErrorOf(answer(502, 'Bad Gateway'))).toEqual({ error: 'HTTP 502', status: 502 });
  });
});
