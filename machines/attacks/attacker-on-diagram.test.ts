import { describe, expect, it } from 'vitest';
import { exchange } from '../../lib/diagram/exchanges.testing';
import { deriveHoldings } from '../../lib/diagram/derive';
import { assignParties } from '../../lib/diagram/roles';
import { attackerRole } from './common-steps';
import { PARTY_HEADER } from '../../lib/attacks/party';

const FORM: Array<[string, string]> = [['content-type', 'application/x-www-form-urlencoded']];
const refresh = 'grant_type=refresh_token&refresh_token=rt-1&client_id=lab-spa-without-rotation';

// The client's refresh and the attacker's replay name the same client_id: only the attacker's routes
// add the party header, and that alone moves an exchange to the Attacker.
const run = [
  exchange(
    1,
    'client',
    'authorization-server',
    { method: 'POST', url: '/oidc/token', headers: FORM, body: refresh },
    { status: 200 },
  ),
  exchange(
    2,
    'client',
    'authorization-server',
    { method: 'POST', url: '/oidc/token', headers: [...FORM, [PARTY_HEADER, 'attacker']], body: refresh },
    { status: 200 },
  ),
  exchange(
    3,
    'client',
    'resource-server',
    {
      method: 'GET',
      url: '/api/v1/accounts/verify_credentials',
      headers: [
        [PARTY_HEADER, 'attacker'],
        ['authorization', 'Bearer at-x'],
      ],
    },
    { status: 200 },
  ),
];

describe('the Attacker on the diagram', () => {
  it('draws the requests the attacker routes made as the Attacker’s, the client’s own as the client’s', () => {
    expect(assignParties(run, [attackerRole]).map((event) => `${event.from}->${event.to}`)).toEqual([
      'client->authorization-server',
      'attacker->authorization-server',
      'attacker->resource-server',
    ]);
  });

  it('shows what the attacker holds from its own requests: the stolen refresh token and the access token it got', () => {
    const holdings = deriveHoldings(
      { values: {}, tokens: { access_token: 'at-2' } },
      assignParties(run, [attackerRole]),
      'public',
      [attackerRole],
    );
    expect(holdings.attacker).toEqual([
      ...attackerRole.holds,
      'a stolen refresh token (alice’s)',
      'alice’s access token, from the replay',
    ]);
  });

  it('holds nothing stolen when its replay was refused', () => {
    const refused = [{ ...run[1]!, response: { ...run[1]!.response, status: 400 } }];
    const holdings = deriveHoldings(
      { values: {}, tokens: {} },
      assignParties(refused, [attackerRole]),
      'public',
      [attackerRole],
    );
    expect(holdings.attacker).toEqual([...attackerRole.holds, 'a stolen refresh token (alice’s)']);
  });

  it('shows the attacker’s own session and the code it kept unredeemed (login CSRF)', () => {
    const flow = [
      exchange(
        1,
        'client',
        'authorization-server',
        {
          method: 'POST',
          url: '/interaction/u1/login',
          headers: [...FORM, [PARTY_HEADER, 'attacker']],
          body: 'username=bob&password=%5Bredacted%5D',
        },
        { status: 303, headers: [['location', '/oidc/auth/u1']] },
      ),
      exchange(
        2,
        'client',
        'authorization-server',
        { method: 'GET', url: '/oidc/auth/u2', headers: [[PARTY_HEADER, 'attacker']] },
        { status: 303, headers: [['location', 'http://localhost:3000/callback?code=c-1&iss=x']] },
      ),
    ];
    const holdings = deriveHoldings(
      { values: {}, tokens: {} },
      assignParties(flow, [attackerRole]),
      'public',
      [attackerRole],
    );
    expect(holdings.attacker).toEqual([
      ...attackerRole.holds,
      'a session of its own, signed in as bob',
      'an unredeemed authorization code for bob',
    ]);
  });

  it('shows the attacker’s own real token and the unsigned token it forged from it', () => {
    const b64 = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '');
    const forged = `${b64({ alg: 'none' })}.${b64({ sub: 'alice' })}.`;
    const flow = [
      exchange(
        1,
        'client',
        'authorization-server',
        {
          method: 'POST',
          url: '/oidc/token',
          headers: [...FORM, [PARTY_HEADER, 'attacker']],
          body: 'grant_type=password&username=bob&password=%5Bredacted%5D',
        },
        { status: 200 },
      ),
      exchange(
        2,
        'client',
        'resource-server',
        {
          method: 'GET',
          url: '/attacks/resource-server/trusting-alg',
          headers: [
            [PARTY_HEADER, 'attacker'],
            ['authorization', `Bearer ${forged}`],
          ],
        },
        { status: 200 },
      ),
    ];
    const holdings = deriveHoldings(
      { values: {}, tokens: {} },
      assignParties(flow, [attackerRole]),
      'public',
      [attackerRole],
    );
    expect(holdings.attacker).toEqual([
      ...attackerRole.holds,
      'a real access token of its own (bob’s)',
      'a forged token: alg none, sub alice, no signature',
    ]);
  });

  it('shows a leaked DPoP-bound token as alice’s, with a key of the attacker’s own but not the one it is bound to', () => {
    const b64 = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '');
    const bound = `${b64({ alg: 'ES256', typ: 'at+jwt' })}.${b64({ sub: 'alice', cnf: { jkt: 'app-key' } })}.sig`;
    const replay = (seq: number, authorization: string, extra: Array<[string, string]> = []) =>
      exchange(
        seq,
        'client',
        'resource-server',
        {
          method: 'GET',
          url: '/api/v1/accounts/verify_credentials',
          headers: [[PARTY_HEADER, 'attacker'], ['authorization', authorization], ...extra],
        },
        { status: 401 },
      );
    const holdings = (events: ReturnType<typeof exchange>[]) =>
      deriveHoldings({ values: {}, tokens: {} }, assignParties(events, [attackerRole]), 'public', [
        attackerRole,
      ]).attacker;
    expect(
      holdings([replay(1, `Bearer ${bound}`), replay(2, `DPoP ${bound}`, [['dpop', 'its-own-proof']])]),
    ).toEqual([
      ...attackerRole.holds,
      'a DPoP key pair of its own',
      'alice’s access token (DPoP-bound), but not the private key it is bound to',
    ]);
    // A bearer token, without cnf: stolen, and nothing more to say.
    const plain = `${b64({ alg: 'ES256', typ: 'at+jwt' })}.${b64({ sub: 'alice' })}.sig`;
    expect(holdings([replay(1, `Bearer ${plain}`)])).toEqual([
      ...attackerRole.holds,
      'a stolen access token',
    ]);
  });

  it('shows the code and the code_verifier the client handed to the attacker, and the token they got (mix-up)', () => {
    const redeem = exchange(
      1,
      'client',
      'authorization-server',
      {
        method: 'POST',
        url: '/oidc/token',
        headers: [...FORM, [PARTY_HEADER, 'attacker']],
        body: 'grant_type=authorization_code&code=c-1&client_id=lab-mix-up-client&code_verifier=v-1',
      },
      { status: 200 },
    );
    const holdings = deriveHoldings(
      { values: {}, tokens: {} },
      assignParties([redeem], [attackerRole]),
      'public',
      [attackerRole],
    );
    expect(holdings.attacker).toEqual([
      ...attackerRole.holds,
      'a caught authorization code (alice’s)',
      'the client’s code_verifier, stolen with the code',
      'alice’s access token, from the caught code',
    ]);
  });

  it('holds what a victim’s side handed its server as soon as it arrives, before using any of it', () => {
    const holdingsAfter = (body: string) =>
      deriveHoldings(
        { values: {}, tokens: {} },
        assignParties(
          [
            exchange(
              1,
              'client',
              'client',
              { method: 'POST', url: '/api/attacker/loot', headers: FORM, body },
              { status: 201 },
            ),
          ],
          [attackerRole],
        ),
        'public',
        [attackerRole],
      ).attacker;
    expect(holdingsAfter('code=c-1&client_id=lab-app-without-pkce')).toEqual([
      ...attackerRole.holds,
      'a caught authorization code (alice’s)',
    ]);
    expect(holdingsAfter('refresh_token=rt-1&client_id=lab-spa-without-rotation')).toEqual([
      ...attackerRole.holds,
      'a stolen refresh token (alice’s)',
    ]);
    expect(holdingsAfter('token=at-1&token_type_hint=access_token')).toEqual([
      ...attackerRole.holds,
      'a stolen access token',
    ]);
  });

  it('draws the hand-off into the Attacker, from the party that leaks it', () => {
    const handOff = exchange(
      1,
      'client',
      'client',
      { method: 'POST', url: '/api/attacker/loot', headers: FORM, body: 'code=c-1' },
      { status: 201 },
    );
    expect(assignParties([handOff], [attackerRole]).map((event) => `${event.from}->${event.to}`)).toEqual([
      'client->attacker',
    ]);
    // Without an Attacker on the diagram (a grant's walkthrough), nothing is moved.
    expect(assignParties([handOff], []).map((event) => `${event.from}->${event.to}`)).toEqual([
      'client->client',
    ]);
  });
});
