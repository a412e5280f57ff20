import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  accessTokenHash,
  checkDpopProof,
  DpopError,
  MAX_JTI_LENGTH,
  MAX_PROOFS_PER_KEY,
  type ProofCheck,
  type RememberOnce,
} from './dpop-resource-server';

// Every malformed proof is refused with a DpopError (401) whose WWW-Authenticate challenge is a valid
// ASCII header value: a typographic apostrophe or an echoed claim with CRLF in it made the header
// invalid, and the response a 500.

const URL_CALLED = 'https://playground.example/api/v1/accounts/verify_credentials';
const TOKEN = 'eyJ.access.token';

async function keyPair() {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = await exportJWK(publicKey);
  return { privateKey, jwk, jkt: await calculateJwkThumbprint(jwk) };
}

async function proof(claims: Record<string, unknown>, key?: Awaited<ReturnType<typeof keyPair>>) {
  const signer = key ?? (await keyPair());
  const jwt = await new SignJWT({
    htm: 'GET',
    htu: URL_CALLED,
    ath: accessTokenHash(TOKEN),
    jti: crypto.randomUUID(),
    iat: Math.floor(Date.now() / 1000),
    ...claims,
  })
    .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: signer.jwk })
    .sign(signer.privateKey);
  return { jwt, jkt: signer.jkt };
}

function memory(): RememberOnce {
  const seen = new Map<string, string>();
  return async (key, value) => {
    if (!seen.has(key)) seen.set(key, value);
    return seen.get(key)!;
  };
}

const counter = () => {
  const counts = new Map<string, number>();
  return async (jkt: string) => {
    counts.set(jkt, (counts.get(jkt) ?? 0) + 1);
    return counts.get(jkt)!;
  };
};

function check(sent: { jwt: string; jkt: string }, overrides: Partial<ProofCheck> = {}): ProofCheck {
  return {
    method: 'GET',
    url: URL_CALLED,
    proof: sent.jwt,
    accessToken: TOKEN,
    jkt: sent.jkt,
    rememberOnce: memory(),
    proofsByKey: counter(),
    ...overrides,
  };
}

/** The refusal, after checking that its challenge can be sent as an HTTP header. */
async function refusal(sent: { jwt: string; jkt: string }, overrides: Partial<ProofCheck> = {}) {
  const error = await checkDpopProof(check(sent, overrides)).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DpopError);
  const { challenge } = error as DpopError;
  expect(challenge).toMatch(/^[\x20-\x7e]+$/);
  expect(() => new Headers({ 'www-authenticate': challenge })).not.toThrow();
  return error as DpopError;
}

describe('a malformed DPoP proof is refused with a valid ASCII challenge (RFC 9449 §7.1)', () => {
  it('ath for another token', async () => {
    const error = await refusal(await proof({ ath: accessTokenHash('another token') }));
    expect(error.challenge).toContain("the proof's ath is not the hash of this access token");
  });

  it('ath missing', async () => {
    expect((await refusal(await proof({ ath: undefined }))).description).toContain('ath');
  });

  it('ath null', async () => {
    expect((await refusal(await proof({ ath: null }))).description).toContain('ath');
  });

  it('ath an array holding the right hash', async () => {
    expect((await refusal(await proof({ ath: [accessTokenHash(TOKEN)] }))).description).toContain('ath');
  });

  it('htm holding CRLF and a header of its own', async () => {
    const error = await refusal(await proof({ htm: 'GET\r\nSet-Cookie: x=1' }));
    expect(error.challenge).not.toContain('Set-Cookie: x=1\r');
    expect(error.error).toBe('invalid_dpop_proof');
  });

  it('htm with non-ASCII characters', async () => {
    expect((await refusal(await proof({ htm: 'GÉT’' }))).description).toContain('htm');
  });

  it('htm that is not a string', async () => {
    expect((await refusal(await proof({ htm: ['GET'] }))).description).toContain('htm');
  });

  it('htu with non-ASCII characters for another URL', async () => {
    expect((await refusal(await proof({ htu: 'https://plàyground.example/ä’' }))).description).toContain(
      'htu',
    );
  });

  it(`jti longer than ${MAX_JTI_LENGTH} characters`, async () => {
    const error = await refusal(await proof({ jti: 'j'.repeat(10_000) }));
    expect(error.description).toContain('jti');
  });

  it('jti that is not a string', async () => {
    expect((await refusal(await proof({ jti: 42 }))).description).toContain('jti');
  });
});

describe('the remembered jti is bounded', () => {
  it('is stored as a hash: the key remembered does not hold the jti', async () => {
    const jti = `a-jti-${'x'.repeat(100)}`;
    const sent = await proof({ jti });
    const names: string[] = [];
    await checkDpopProof(
      check(sent, {
        rememberOnce: async (name, value) => {
          names.push(name);
          return value;
        },
      }),
    );
    expect(names).toHaveLength(1);
    expect(names[0]).not.toContain(jti);
    expect(names[0]!.length).toBeLessThan(150);
  });

  it(`refuses more than ${MAX_PROOFS_PER_KEY} proofs by one key while their jti are remembered`, async () => {
    const key = await keyPair();
    const proofsByKey = async () => MAX_PROOFS_PER_KEY + 1;
    const error = await refusal(await proof({}, key), { proofsByKey });
    expect(error.description).toContain('too many proofs');
  });
});
