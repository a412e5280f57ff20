import { MASTODON_SCOPES } from './scopes';

/** GET /.well-known/oauth-authorization-server in Mastodon's shape (4.3+), for Mastodon clients. */
export function mastodonServerMetadata(origin: string) {
  return {
    issuer: `${origin}/`,
    service_documentation: 'https://docs.joinmastodon.org/',
    authorization_endpoint: `${origin}/oauth/authorize`,
    token_endpoint: `${origin}/oauth/token`,
    app_registration_endpoint: `${origin}/api/v1/apps`,
    revocation_endpoint: `${origin}/oauth/revoke`,
    scopes_supported: [...MASTODON_SCOPES, 'profile'],
    response_types_supported: ['code'],
    response_modes_supported: ['query', 'fragment', 'form_post'],
    code_challenge_methods_supported: ['S256'],
    grant_types_supported: ['authorization_code', 'password', 'client_credentials'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
  };
}
