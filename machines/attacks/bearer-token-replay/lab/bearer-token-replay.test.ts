import { calculateJwkThumbprint, decodeJwt, decodeProtectedHeader, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { dpopThumbprint, generateDpopKeyPair } from '../../../../lib/client/dpop-proof';
import {
  accessTokenHash,
  checkDpopProof,
  DpopError,
  type RememberOnce,
} from '../../../../lib/oidc/dpop-resource-server';
import { ACCOUNT_PATH, attackerProof, replaySchema } from './bearer-token-replay';

const ORIGIN = 'https://playground.example';
const LEAKED = 'eyJ.leaked.token';

const memory = (): RememberOnce => {
  const seen = new Map<string, string>();
  return async (key, value) => {
    if (!seen.has(key)) seen.set(key, value);
    return seen.get(key)!;
  };
};

describe('the attacker’s DPoP proof (bearer-token-replay)', () => {
  it('is right in every claim for the API request: htm, htu, ath, iat and a jti', async () => {
    const proof = await attackerProof(LEAKED, ORIGIN);
    expect(decodeProtectedHeader(proof)).toMatchObject({ typ: 'dpop+jwt', alg: 'ES256' });
    expect(decodeJwt(proof)).toMatchObject({
      htm: 'GET',
      htu: `${ORIGIN}${ACCOUNT_PATH}`,
      ath: accessTokenHash(LEAKED),
      iat: expect.any(Number),
      jti: expect.any(String),
    });
  });

  it('is refused for a token bound to the app’s key: invalid_token, its key is not the token’s cnf.jkt (RFC 9449 §7.1)', async () => {
    const appKey = await dpopThumbprint(await generateDpopKeyPair());
    const error = await checkDpopProof({
      method: 'GET',
      url: `${ORIGIN}${ACCOUNT_PATH}`,
      proof: await attackerProof(LEAKED, ORIGIN),
      accessToken: LEAKED,
      jkt: appKey,
      rememberOnce: memory(),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DpopError);
    expect((error as DpopError).challenge).toBe(
      'DPoP algs="ES256 Ed25519 EdDSA", error="invalid_token", error_description="the proof is signed by a key the access token is not bound to"',
    );
  });

  it('would pass only for a token bound to the attacker’s own key: the key is all it lacks', async () => {
    const proof = await attackerProof(LEAKED, ORIGIN);
    const attackerKey = await calculateJwkThumbprint(decodeProtectedHeader(proof).jwk as JWK);
    await expect(
      checkDpopProof({
        method: 'GET',
        url: `${ORIGIN}${ACCOUNT_PATH}`,
        proof,
        accessToken: LEAKED,
        jkt: attackerKey,
        rememberOnce: memory(),
      }),
    ).resolves.toMatchObject({ htm: 'GET' });
  });

  it('makes a new key for every replay, never the app’s', async () => {
    const keys = await Promise.all(
      [1, 2].map(async () =>
        calculateJwkThumbprint(decodeProtectedHeader(await attackerProof(LEAKED, ORIGIN)).jwk as JWK),
      ),
    );
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('accepts only the two replays the scenario makes, with a clear error otherwise', () => {
    expect(replaySchema.safeParse({ as: 'bearer' }).success).toBe(true);
    expect(replaySchema.safeParse({ as: 'dpop-own-key' }).success).toBe(true);
    const refused = replaySchema.safeParse({ as: 'dpop-app-key' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe(
      'as must be bearer (the token alone) or dpop-own-key (with a proof by the attacker’s own key)',
    );
  });
});
