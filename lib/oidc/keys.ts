import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import type { JSONWebKeySet } from 'jose';
import type { JWK } from 'oidc-provider';
import { z } from 'zod';
import type { OidcStorage } from '../storage';

/** Private signing keys as kept (a JSON array) or given in OIDC_JWKS's `keys`: each a JWK with its key type. */
const signingKey = z.looseObject({ kty: z.string() }) satisfies z.ZodType<JWK>;
const signingKeys = z.array(signingKey).min(1);
export type SigningKey = z.infer<typeof signingKey>;
export type ProviderKeys = { jwks: { keys: SigningKey[] }; cookieKeys: string[] };

/** The public half of the provider's signing keys: what it verifies its own JWT access tokens with. */
export function publicJwksOf(keys: ProviderKeys): JSONWebKeySet {
  return {
    keys: keys.jwks.keys.map(({ d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...rest }) => {
      void [_d, _p, _q, _dp, _dq, _qi];
      return rest;
    }),
  };
}
const cookieKeyList = z.array(z.string()).min(1);

function generateSigningKeys(): JWK[] {
  // RS256 is what every client library supports; ES256 is what the JWT access tokens use.
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  return [
    { ...rsa, kid: `rs256-${randomUUID()}`, alg: 'RS256', use: 'sig' },
    { ...ec, kid: `es256-${randomUUID()}`, alg: 'ES256', use: 'sig' },
  ];
}

function parseJwks(value: string): SigningKey[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new Error('OIDC_JWKS is not valid JSON: expected {"keys":[...private JWKs...]}');
  }
  const jwks = z.object({ keys: signingKeys }).safeParse(parsed);
  if (!jwks.success) {
    throw new Error('OIDC_JWKS must be a JWK Set with at least one private key: {"keys":[...]}');
  }
  return jwks.data.keys;
}

/** A setting read back from the storage; one that is not what this version keeps there stops the start, saying which. */
export function kept<T>(schema: z.ZodType<T>, name: string, value: string): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    parsed = undefined;
  }
  const result = schema.safeParse(parsed);
  if (!result.success)
    throw new Error(`The storage's setting "${name}" is not what the playground keeps there`);
  return result.data;
}

/**
 * Signing keys and cookie keys, so that tokens and sessions stay valid across restarts and instances:
 * taken from `OIDC_JWKS` / `COOKIE_KEYS` when set, otherwise generated once and kept in the storage
 * (the first instance to start writes them; every later one reads the same).
 */
export async function loadProviderKeys(
  storage: OidcStorage,
  fromEnv: { oidcJwks?: string; cookieKeys?: string[] },
): Promise<ProviderKeys> {
  const keys = fromEnv.oidcJwks
    ? parseJwks(fromEnv.oidcJwks)
    : kept(
        signingKeys,
        'jwks',
        await storage.settingOrDefault('jwks', JSON.stringify(generateSigningKeys())),
      );
  const cookieKeys = fromEnv.cookieKeys?.length
    ? fromEnv.cookieKeys
    : kept(
        cookieKeyList,
        'cookie-keys',
        await storage.settingOrDefault(
          'cookie-keys',
          JSON.stringify([randomBytes(32).toString('base64url')]),
        ),
      );
  return { jwks: { keys }, cookieKeys };
}
