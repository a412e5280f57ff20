import type { ClientMetadata } from 'oidc-provider';

/**
 * The demo clients: one of every kind a learner meets. Their ids and secrets are stable and
 * documented in the README (it is a playground). Redirect URIs point at the playground's own callback.
 */
export const DEMO_CLIENT_IDS = {
  web: 'playground-web',
  spa: 'playground-spa',
  implicit: 'playground-implicit',
  service: 'playground-service',
  firstParty: 'playground-first-party',
  tv: 'playground-tv',
} as const;

export const DEMO_CLIENT_SECRETS = {
  web: 'playground-web-secret',
  service: 'playground-service-secret',
  firstParty: 'playground-first-party-secret',
} as const;

/** The playground's resource server authenticates as this client to introspect tokens (RFC 7662). */
export const RESOURCE_SERVER_CLIENT = {
  id: 'playground-resource-server',
  secret: 'playground-resource-server-secret',
} as const;

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** Where the playground's walkthroughs receive authorization responses. */
export const callbackUrl = (origin: string) => `${origin}/callback`;

function isLoopbackHttp(origin: string): boolean {
  const { protocol, hostname } = new URL(origin);
  return protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
}

export function demoClients(origin: string): ClientMetadata[] {
  const callback = callbackUrl(origin);
  return [
    {
      client_id: DEMO_CLIENT_IDS.web,
      client_secret: DEMO_CLIENT_SECRETS.web,
      client_name: 'Playground Web App (confidential)',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [callback],
      post_logout_redirect_uris: [origin + '/'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
    {
      client_id: DEMO_CLIENT_IDS.spa,
      client_name: 'Playground Single-Page App (public, PKCE)',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [callback],
      post_logout_redirect_uris: [origin + '/'],
      token_endpoint_auth_method: 'none',
    },
    {
      client_id: DEMO_CLIENT_IDS.implicit,
      client_name: 'Playground Implicit App (legacy)',
      grant_types: ['implicit'],
      response_types: ['id_token token', 'id_token'],
      redirect_uris: [callback],
      token_endpoint_auth_method: 'none',
      // OpenID Connect forbids implicit web clients on http or localhost redirect URIs. On a loopback
      // playground the client is registered as a native app, whose loopback redirects are allowed
      // (RFC 8252 section 7.3): the walkthrough explains this rule.
      application_type: isLoopbackHttp(origin) ? 'native' : 'web',
    },
    {
      client_id: DEMO_CLIENT_IDS.service,
      client_secret: DEMO_CLIENT_SECRETS.service,
      client_name: 'Playground Machine-to-Machine Service',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
    },
    {
      client_id: DEMO_CLIENT_IDS.firstParty,
      client_secret: DEMO_CLIENT_SECRETS.firstParty,
      client_name: 'Playground First-Party App (password grant)',
      grant_types: ['password', 'refresh_token'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
    },
    {
      client_id: RESOURCE_SERVER_CLIENT.id,
      client_secret: RESOURCE_SERVER_CLIENT.secret,
      client_name: 'Playground Resource Server (introspection only)',
      grant_types: [],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
    },
    {
      client_id: DEMO_CLIENT_IDS.tv,
      client_name: 'Playground TV App (device code)',
      grant_types: [DEVICE_CODE_GRANT, 'refresh_token'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'none',
    },
  ];
}
