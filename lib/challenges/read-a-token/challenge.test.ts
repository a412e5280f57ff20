import { describe, expect, it } from 'vitest';
import { evidenceOf, tokenRequest } from '../testing';
import type { IssuedToken } from '../types';
import { expiryOf, readAToken } from './challenge';

const JWT = 'header.payload.signature';
const EXP = 1_765_190_000;
const issue = (seq: number, token: string) =>
  tokenRequest(seq, { grant_type: 'client_credentials', resource: 'http://localhost:3000/api' }, 200, {
    access_token: token,
    token_type: 'Bearer',
    // What the response says does not count: the server's reading of the token does.
    scope: 'anything',
  });
const record: IssuedToken = {
  clientId: 'playground-service',
  scopes: ['read:statuses', 'write:statuses'],
  active: true,
  audience: ['http://localhost:3000/api'],
  expiresAt: EXP,
};
const right = {
  audience: 'http://localhost:3000/api',
  scope: 'write:statuses read:statuses',
  expires: String(EXP),
};
const grade = (answers: Record<string, string>, records: Record<string, IssuedToken> = { [JWT]: record }) =>
  readAToken.grade({ ...evidenceOf([issue(3, JWT)], records), answers });

describe('read-a-token: the answers are checked against the server’s reading of the learner’s token', () => {
  it('is solved by the audience, the scopes in any order and exp as written', async () => {
    expect(await grade(right)).toEqual({
      solved: true,
      summary: expect.stringContaining('issued at #3'),
      proof: [3],
    });
  });

  it('takes the expiry as an ISO time with its zone, a minute either way', async () => {
    const iso = new Date((EXP + 30) * 1000).toISOString();
    expect((await grade({ ...right, expires: iso })).solved).toBe(true);
    expect(expiryOf('2025-12-08T10:40:00+01:00')).toBe(Date.parse('2025-12-08T09:40:00Z') / 1000);
    // A time without its zone means a different instant in every timezone.
    expect(expiryOf('2025-12-08T10:40:00')).toBeUndefined();
  });

  it('says which answers are wrong, without giving the right ones', async () => {
    const verdict = await grade({
      audience: 'http://localhost:3000/api',
      scope: 'read:statuses',
      expires: String(EXP + 3600),
    });
    expect(verdict).toEqual({
      solved: false,
      missing:
        'About the token issued at #3: the scope is not what its scope claim says; the expiry is not when its exp says.',
      seen: [3],
    });
    expect(JSON.stringify(verdict)).not.toContain('write:statuses');
  });

  it('grades the newest JWT, so a neighbour’s answers (another token’s expiry) do not solve it', async () => {
    const neighbours = { ...right, expires: String(EXP - 600) };
    expect((await grade(neighbours)).solved).toBe(false);
  });

  it('asks for the answers when none are given, naming the token', async () => {
    expect(await grade({})).toMatchObject({ solved: false, missing: expect.stringContaining('#3') });
  });

  it('is not solved with an opaque token only, nor a JWT the server did not issue', async () => {
    const opaque = await readAToken.grade({
      ...evidenceOf([issue(2, 'opaque-token')], { 'opaque-token': { ...record } }),
      answers: right,
    });
    expect(opaque).toMatchObject({ solved: false, missing: expect.stringContaining('No JWT access token') });
    expect(await grade(right, {})).toMatchObject({
      solved: false,
      missing: expect.stringContaining('does not recognise'),
    });
  });
});
