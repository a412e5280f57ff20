import { describe, expect, it } from 'vitest';
import { apiCall, byAttacker, DPOP_BEARER_CHALLENGE, redemption } from '../attacker-testing';
import { evidenceOf } from '../testing';
import type { IssuedToken } from '../types';
import { leakedBearerToken } from './challenge';

const alices = (clientId: string): IssuedToken => ({
  subject: 'alice',
  clientId,
  scopes: ['read'],
  active: true,
});
const tokens = { bearer: alices('lab-spa-bearer-tokens'), bound: alices('lab-spa-dpop') };

/** alice's app gets a bearer token (#1), and the attacker replays it at #2. */
const bearerReplay = (status = 200) => [
  redemption(1, { code: 'c1', client_id: 'lab-spa-bearer-tokens' }, { status: 200, accessToken: 'bearer' }),
  byAttacker(apiCall(2, 'Bearer', 'bearer', status)),
];
/** alice's app gets a DPoP-bound token (#3), and the attacker replays it as Bearer at #4. */
const boundReplay = (challenge: string | null = DPOP_BEARER_CHALLENGE) => [
  redemption(
    3,
    { code: 'c2', client_id: 'lab-spa-dpop' },
    { status: 200, accessToken: 'bound', tokenType: 'DPoP' },
  ),
  byAttacker(apiCall(4, 'Bearer', 'bound', 401, challenge ?? undefined)),
];

describe('leaked-bearer-token: the attacker’s replays at the API, graded from what the API answered', () => {
  it('is solved by a bearer token that worked for the attacker and a DPoP-bound one refused by its binding', async () => {
    const verdict = await leakedBearerToken.grade(evidenceOf([...bearerReplay(), ...boundReplay()], tokens));
    expect(verdict).toEqual({
      solved: true,
      summary: expect.stringContaining('refused to it at #4, 401 with the API’s DPoP challenge'),
      proof: [1, 2, 3, 4],
    });
  });

  it('takes a replay with a proof by the attacker’s own key as refused by the binding too', async () => {
    const ownKey = boundReplay(
      'DPoP error="invalid_token", error_description="the proof is signed by a key the access token is not bound to"',
    );
    ownKey[1]!.request.headers = [['authorization', 'DPoP bound'], ...ownKey[1]!.request.headers.slice(1)];
    const verdict = await leakedBearerToken.grade(evidenceOf([...bearerReplay(), ...ownKey], tokens));
    expect(verdict.solved).toBe(true);
  });

  it('is not solved by the undefended replay alone', async () => {
    expect(await leakedBearerToken.grade(evidenceOf(bearerReplay(), tokens))).toMatchObject({
      solved: false,
      missing: expect.stringContaining('Now repeat with “Defense: DPoP sender-constrained tokens” on'),
      seen: [2],
    });
  });

  it('is not solved by the defended refusal alone', async () => {
    expect(await leakedBearerToken.grade(evidenceOf(boundReplay(), tokens))).toMatchObject({
      solved: false,
      missing: expect.stringContaining('Now show the replay it stops'),
    });
  });

  it('does not count a refusal without the DPoP challenge (an expired or unknown token)', async () => {
    const verdict = await leakedBearerToken.grade(
      evidenceOf([...bearerReplay(), ...boundReplay(null)], tokens),
    );
    expect(verdict).toMatchObject({
      solved: false,
      missing: expect.stringContaining('got no DPoP challenge'),
    });
  });

  it('does not count the client presenting its own token, without the attacker’s party header', async () => {
    const byClient = [bearerReplay()[0]!, apiCall(2, 'Bearer', 'bearer', 200)];
    expect(await leakedBearerToken.grade(evidenceOf(byClient, tokens))).toEqual({
      solved: false,
      missing: expect.stringContaining('by the client itself, not by the attacker'),
      seen: [2],
    });
  });

  it('does not count a token no client was issued in the trace, nor one that is not alice’s', async () => {
    const foreign = [byAttacker(apiCall(2, 'Bearer', 'bearer', 200)), ...boundReplay()];
    expect(await leakedBearerToken.grade(evidenceOf(foreign, tokens))).toMatchObject({
      solved: false,
      missing: expect.stringContaining('was never issued to a client in your trace'),
    });
    const bobs = { ...tokens, bearer: { ...tokens.bearer, subject: 'bob' } };
    expect(
      await leakedBearerToken.grade(evidenceOf([...bearerReplay(), ...boundReplay()], bobs)),
    ).toMatchObject({
      solved: false,
      missing: expect.stringContaining('is bob’s, not alice’s'),
    });
  });

  it('does not count the scenario’s own replay, within the run that leaked the token', async () => {
    const oneButton = [...bearerReplay(), ...boundReplay()].map((event) =>
      Object.assign(event, { run: 'scenario-run' }),
    );
    expect(await leakedBearerToken.grade(evidenceOf(oneButton, tokens))).toMatchObject({
      solved: false,
      missing: expect.stringContaining('was the scenario’s own step, in the run that leaked the token'),
    });
  });

  it('does not count a token the attacker got for itself (its own redemption) as leaked', async () => {
    const own = [
      byAttacker(
        redemption(
          1,
          { code: 'c1', client_id: 'lab-spa-bearer-tokens' },
          { status: 200, accessToken: 'bearer' },
        ),
      ),
      byAttacker(apiCall(2, 'Bearer', 'bearer', 200)),
      ...boundReplay(),
    ];
    expect(await leakedBearerToken.grade(evidenceOf(own, tokens))).toMatchObject({
      solved: false,
      missing: expect.stringContaining('was never issued to a client'),
    });
  });
});
