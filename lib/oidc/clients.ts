import type { ClientMetadata, JWK } from 'oidc-provider';
import { serverComposition } from './composition';
import type { DemoClient } from './demo-client';

/** The one algorithm the signing demo clients use, pinned in their registration (RFC 7591 §2). */
export const CLIENT_ASSERTION_ALG = 'ES256';

/** The playground's resource server authenticates as this client to introspect tokens (RFC 7662). */
export const RESOURCE_SERVER_CLIENT = {
  id: 'playground-resource-server',
  secret: 'playground-resource-server-secret',
} as const;

/** The clients the grants' walkthroughs play, each once, as the composition root hands them in. */
export const grantClients = (): readonly DemoClient[] => serverComposition().demoClients;

/**
 * A confidential demo client's secret: its id and "-secret", documented in the README (it is a
 * playground). Derived here, on the server, since a grant's declaration of its client reaches the browser.
 */
export const demoClientSecret = (clientId: string) => `${clientId}-secret`;

/** The public keys of the demo clients that sign their own assertions (lib/client/client-keys.ts), by client_id. */
export type ClientPublicJwks = Record<string, { keys: JWK[] }>;

function registration(client: DemoClient, origin: string, clientJwks: ClientPublicJwks): ClientMetadata {
  if (client.authentication === 'private_key_jwt')
    return {
      client_id: client.client_id,
      ...client.metadata(origin),
      token_endpoint_auth_method: 'private_key_jwt',
      token_endpoint_auth_signing_alg: CLIENT_ASSERTION_ALG,
      jwks: clientJwks[client.client_id] ?? { keys: [] },
    };
  const confidential = client.type === 'confidential';
  return {
    client_id: client.client_id,
    ...(confidential ? { client_secret: demoClientSecret(client.client_id) } : {}),
    ...client.metadata(origin),
    token_endpoint_auth_method: confidential ? 'client_secret_basic' : 'none',
  };
}

/**
 * The demo clients: one of every kind a learner meets, declared by the grants that play them, and the
 * resource server. Their ids and secrets are stable; redirect URIs point at the playground's callback.
 */
export function demoClients(
  origin: string,
  clientJwks: ClientPublicJwks = {},
  clients: readonly DemoClient[] = grantClients(),
): ClientMetadata[] {
  return [
    ...clients.map((client) => registration(client, origin, clientJwks)),
    {
      client_id: RESOURCE_SERVER_CLIENT.id,
      client_secret: RESOURCE_SERVER_CLIENT.secret,
      client_name: 'Playground Resource Server (introspection only)',
      grant_types: [],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ];
}

/** What the home page's table shows of a demo client: nothing that depends on the origin. */
export type DemoClientSummary = Pick<
  ClientMetadata,
  'client_id' | 'client_name' | 'client_secret' | 'grant_types' | 'token_endpoint_auth_method'
>;

/**
 * The demo clients as the home page lists them. The page is prerendered before any origin is known,
 * so the list is built for a stand-in loopback origin and keeps only what the origin does not change.
 * The page hands in the clients (app/composition.ts): prerendering runs before instrumentation does.
 */
export function demoClientList(clients: readonly DemoClient[]): DemoClientSummary[] {
  return demoClients('http://localhost', {}, clients).map(
    ({ client_id, client_name, client_secret, grant_types, token_endpoint_auth_method }) => ({
      client_id,
      client_name,
      client_secret,
      grant_types,
      token_endpoint_auth_method,
    }),
  );
}
