import type { AllClientMetadata } from 'oidc-provider';

/**
 * A demo client, declared by the grant whose walkthrough plays it (machines/<grant>/client.ts) and
 * registered by the authorization server (lib/oidc/clients.ts) with what its type implies: a
 * confidential client authenticates with client_secret_basic and its documented secret, a public one
 * with none. It declares no secret: grant definitions reach the browser, a confidential secret must not.
 */
export type DemoClient = {
  client_id: string;
  type: 'confidential' | 'public';
  /**
   * A confidential client that authenticates with a JWT signed by its own private key (private_key_jwt,
   * RFC 7523 §2.2) instead of a secret: it is registered with its public keys and gets no secret.
   */
  authentication?: 'private_key_jwt';
  /** The rest of its metadata (RFC 7591 §2), from the origin its redirect URIs live on. */
  metadata(
    origin: string,
  ): Pick<
    AllClientMetadata,
    | 'client_name'
    | 'grant_types'
    | 'response_types'
    | 'redirect_uris'
    | 'post_logout_redirect_uris'
    | 'application_type'
    | 'require_pushed_authorization_requests'
    | 'dpop_bound_access_tokens'
    | 'scope'
  >;
};

/** Where the playground's walkthroughs receive authorization responses. */
export const callbackUrl = (origin: string) => `${origin}/callback`;
