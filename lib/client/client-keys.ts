import 'server-only';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { JWK } from 'oidc-provider';
import { z } from 'zod';
import { CLIENT_ASSERTION_ALG, grantClients, type ClientPublicJwks } from '../oidc/clients';
import { kept } from '../oidc/keys';
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

/** An EC P-256 private key as a JWK (RFC 7517, RFC 7518 §6.2), with the `kid` its assertions name. */
const clientPrivateJwk = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string(),
  y: z.string(),
  d: z.string(),
  kid: z.string(),
  alg: z.string(),
  use: z.literal('sig'),
});
export type ClientPrivateJwk = z.infer<typeof clientPrivateJwk>;

function generateClientKey(): ClientPrivateJwk {
  const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  return clientPrivateJwk.parse({
    ...jwk,
    kid: `client-${randomUUID()}`,
    alg: CLIENT_ASSERTION_ALG,
    use: 'sig',
  });
}

/** The client's key as kept in the storage; one that is not such a key stops, naming the setting. */
export async function clientPrivateKey(storage: OidcStorage, clientId: string): Promise<ClientPrivateJwk> {
  const name = `client-key:${clientId}`;
  return kept(
    clientPrivateJwk,
    name,
    await storage.settingOrDefault(name, JSON.stringify(generateClientKey())),
  );
}

/** A key's public half: what the client publishes and registers (RFC 7591 §2, `jwks`). */
export function publicJwk({ kty, crv, x, y, kid, alg, use }: ClientPrivateJwk): JWK {
  return { kty, crv, x, y, kid, alg, use };
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
