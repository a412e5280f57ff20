import { describe, expect, it } from 'vitest';
import { evidenceOf, tokenRequest } from '../testing';
import { refreshTokenReuse } from './challenge';

const refresh = (seq: number, token: string, status: number, body: Record<string, unknown>) =>
  tokenRequest(
    seq,
    { grant_type: 'refresh_token', refresh_token: token, client_id: 'playground-spa' },
    status,
    body,
  );
const rotated = refresh(4, 'rt-1', 200, { access_token: 'at-2', refresh_token: 'rt-2' });
const reuse = refresh(6, 'rt-1', 400, { error: 'invalid_grant' });

describe('refresh-token-reuse: graded from the trace', () => {
  it('is solved by a rotation, the old token refused, then the new one refused', async () => {
    const verdict = await refreshTokenReuse.grade(
      evidenceOf([rotated, reuse, refresh(7, 'rt-2', 400, { error: 'invalid_grant' })]),
    );
    expect(verdict).toMatchObject({ solved: true, proof: [4, 6, 7] });
  });

  it('is not solved until the new token is shown dead', async () => {
    expect(await refreshTokenReuse.grade(evidenceOf([rotated, reuse]))).toMatchObject({
      solved: false,
      missing: 'The old refresh token was refused at #6. Now try the new one, from #4.',
    });
  });

  it('does not count the new token refused before the reuse, or another token refused', async () => {
    const early = refresh(5, 'rt-2', 400, { error: 'invalid_grant' });
    expect((await refreshTokenReuse.grade(evidenceOf([rotated, early, reuse]))).solved).toBe(false);
    const other = refresh(7, 'rt-of-another-grant', 400, { error: 'invalid_grant' });
    expect((await refreshTokenReuse.grade(evidenceOf([rotated, reuse, other]))).solved).toBe(false);
  });

  it('does not count a refused token that was never rotated in this trace (another learner’s)', async () => {
    const theirs = refresh(6, 'rt-of-another-learner', 400, { error: 'invalid_grant' });
    const verdict = await refreshTokenReuse.grade(evidenceOf([rotated, theirs, refresh(7, 'rt-2', 400, {})]));
    expect(verdict).toMatchObject({
      solved: false,
      missing: expect.stringContaining('has not been sent again'),
    });
  });

  it('says what is missing before any refresh', async () => {
    const initial = tokenRequest(2, { grant_type: 'authorization_code', code: 'c' }, 200, {
      refresh_token: 'rt-1',
    });
    expect(await refreshTokenReuse.grade(evidenceOf([initial]))).toMatchObject({
      solved: false,
      missing: expect.stringContaining('No refresh token has been rotated'),
    });
  });
});
