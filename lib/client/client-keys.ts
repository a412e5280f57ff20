import 'server-only';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { JWK } from 'oidc-provider';
import { CLIENT_ASSERTION_ALG, grantClients, type ClientPublicJwks } from '../oidc/clients';
import type { OidcStorage } from '../storage';

/**
 * The key pairs of the demo clients that authenticate with private_key_jwt (RFC 7523 §2.2). Each is made
 * once and kept in the storage, as the server's own signing keys are, so that every instance (and every
 * restart) signs with the key the authorization server registered. The private half is read only by
 * the client backend (./client-assertion.ts); the browser never receives it.
 */
export const signingClientIds = (): readonly string[] =>
  grantClients()
    .filter((client) => client.authentication === 'private_key_jwt')
    .map((client) => client.client_id);

/** An EC P-256 private key as a JWK (RFC 7517), with the `kid` its assertions name. */
export type ClientPrivateJwk = {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  d: string;
  kid: string;
  alg: string;
  use: 'sig';
};

function generateClientKey(): ClientPrivateJwk {
  const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  return { ...jwk, kid: `client-${randomUUID()}`, alg: CLIENT_ASSERTION_ALG, use: 'sig' } as ClientPrivateJwk;
}

export async function clientPrivateKey(storage: OidcStorage, clientId: string): Promise<ClientPrivateJwk> {
  const stored = await storage.settingOrDefault(
    `client-key:${clientId}`,
    JSON.stringify(generateClientKey()),
  );
  return JSON.parse(stored) as ClientPrivateJwk;
}

/** A key's public half: what the client publishes and registers (RFC 7591 §2, `jwks`). */
export function publicJwk({ kty, crv, x, y, kid, alg, use }: ClientPrivateJwk): JWK {
  return { kty, crv, x, y, kid, alg, use } as JWK;
}

/** The public JWK Sets the authorization server registers for the signing demo clients. */
export async function signingClientsPublicJwks(storage: OidcStorage): Promise<ClientPublicJwks> {
  const entries = await Promise.all(
    signingClientIds().map(async (clientId): Promise<[string, { keys: JWK[] }]> => [
      clientId,
      { keys: [publicJwk(await clientPrivateKey(storage, clientId))] },
    ]),
  );
  return Object.fromEntries(entries);
}
