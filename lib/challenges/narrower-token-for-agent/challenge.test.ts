import { describe, expect, it } from 'vitest';
import { TOKEN_EXCHANGE_GRANT_TYPE } from '../../oidc/grants/token-exchange-names';
import { bearerCall, evidenceOf, tokenRequest } from '../testing';
import type { IssuedToken } from '../types';
import { narrowerTokenForAgent } from './challenge';

const ACCOUNT = '/api/v1/accounts/verify_credentials';
const exchange = (seq: number, token: string, subjectToken = 'alice-token') =>
  tokenRequest(seq, { grant_type: TOKEN_EXCHANGE_GRANT_TYPE, subject_token: subjectToken, scope: 'x' }, 200, {
    access_token: token,
    token_type: 'Bearer',
    // What the response says of the scope does not count: the server's records do.
    scope: 'read',
  });
const token = (scope: string, subject: string | undefined = 'alice'): IssuedToken => ({
  ...(subject ? { subject } : {}),
  clientId: 'playground-assistant',
  scopes: scope.split(' '),
  active: true,
});
const records = (exchanged: string, subject = 'read write') => ({
  'alice-token': token(subject),
  narrow: token(exchanged),
});

describe('narrower-token-for-agent: an exchange that narrows, from the server’s records of both tokens', () => {
  it('is solved by a read-only token from a token that could write, honoured by the API', async () => {
    const verdict = await narrowerTokenForAgent.grade(
      evidenceOf([exchange(5, 'narrow'), bearerCall(6, ACCOUNT, 'narrow', 200)], records('read:accounts')),
    );
    expect(verdict).toEqual({
      solved: true,
      summary: expect.stringContaining('“read:accounts”'),
      proof: [5, 6],
    });
  });

  it('is not solved by the walkthrough’s default exchange, which can still post', async () => {
    const verdict = await narrowerTokenForAgent.grade(
      evidenceOf(
        [exchange(5, 'narrow'), bearerCall(6, ACCOUNT, 'narrow', 200)],
        records('read:accounts write:statuses'),
      ),
    );
    expect(verdict).toEqual({
      solved: false,
      missing:
        'The token the assistant got at #5 can still change things: its scope includes write:statuses.',
      seen: [5],
    });
  });

  it('is not solved when alice’s token could only read already: nothing was narrowed', async () => {
    const verdict = await narrowerTokenForAgent.grade(
      evidenceOf([exchange(5, 'narrow'), bearerCall(6, ACCOUNT, 'narrow', 200)], records('read', 'read')),
    );
    expect(verdict).toMatchObject({
      solved: false,
      missing: expect.stringContaining('could only read already'),
    });
  });

  it('is not solved until the API honours the new token', async () => {
    const unused = await narrowerTokenForAgent.grade(evidenceOf([exchange(5, 'narrow')], records('read')));
    expect(unused).toMatchObject({ solved: false, missing: expect.stringContaining('now call the API') });
    const refused = await narrowerTokenForAgent.grade(
      evidenceOf([exchange(5, 'narrow'), bearerCall(6, ACCOUNT, 'narrow', 401)], records('read')),
    );
    expect(refused.solved).toBe(false);
  });

  it('is not solved by a read-only token got another way (client credentials), nor by one for no user', async () => {
    const other = tokenRequest(5, { grant_type: 'client_credentials', scope: 'read' }, 200, {
      access_token: 'narrow',
    });
    const verdict = await narrowerTokenForAgent.grade(
      evidenceOf([other, bearerCall(6, ACCOUNT, 'narrow', 200)], records('read')),
    );
    expect(verdict).toMatchObject({
      solved: false,
      missing: expect.stringContaining('No token has been issued for a token exchange'),
    });
    const forNoUser = await narrowerTokenForAgent.grade(
      evidenceOf([exchange(5, 'narrow'), bearerCall(6, ACCOUNT, 'narrow', 200)], {
        'alice-token': token('read write'),
        narrow: token('read', ''),
      }),
    );
    expect(forNoUser).toMatchObject({ solved: false, missing: expect.stringContaining('acts for no user') });
  });
});
