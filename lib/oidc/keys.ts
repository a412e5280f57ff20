import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import type { JWK } from 'oidc-provider';
import type { OidcStorage } from '../storage';

export type ProviderKeys = { jwks: { keys: JWK[] }; cookieKeys: string[] };

function generateSigningKeys(): JWK[] {
  // RS256 is what every client library supports; ES256 is what the JWT access tokens use.
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  return [
    { ...rsa, kid: `rs256-${randomUUID()}`, alg: 'RS256', use: 'sig' } as JWK,
    { ...ec, kid: `es256-${randomUUID()}`, alg: 'ES256', use: 'sig' } as JWK,
  ];
}

function parseJwks(value: string): JWK[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new Error('OIDC_JWKS is not valid JSON: expected {"keys":[...private JWKs...]}');
  }
  const keys = (parsed as { keys?: unknown }).keys;
  if (!Array.isArray(keys) || keys.length === 0) {
    throw new Error('OIDC_JWKS must be a JWK Set with at least one private key: {"keys":[...]}');
  }
  return keys as JWK[];
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
    : (JSON.parse(await storage.settingOrDefault('jwks', JSON.stringify(generateSigningKeys()))) as JWK[]);
  const cookieKeys = fromEnv.cookieKeys?.length
    ? fromEnv.cookieKeys
    : (JSON.parse(
        await storage.settingOrDefault(
          'cookie-keys',
          JSON.stringify([randomBytes(32).toString('base64url')]),
        ),
      ) as string[]);
  return { jwks: { keys }, cookieKeys };
}
