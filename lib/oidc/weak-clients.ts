import type Provider from 'oidc-provider';
import type { Client, ClientMetadata, KoaContextWithOIDC } from 'oidc-provider';
import { serverComposition } from './composition';
import type { DemoClient } from './demo-client';

/**
 * What a client registered apart may get wrong, on purpose. The authorization server reads these per
 * client id, so a weakness reaches only the client that declares it. The attack lab's clients are the
 * ones that do (handed in by the composition root, app/composition.ts).
 */
export type Weakness = {
  /** oidc-provider's `rotateRefreshToken`: false keeps a refresh token reusable (RFC 9700 §4.14.2 not applied). */
  rotateRefreshToken?: false;
  /** oidc-provider's `pkce.required`: false lets this client send no code_challenge (RFC 9700 §2.1.1 not applied). */
  pkceRequired?: false;
  /**
   * `dpop_bound_access_tokens`: false registers this client without it, so its access tokens are bearer
   * tokens that work for whoever holds them (RFC 9449 not applied; RFC 9700 §4.10.1).
   */
  dpopBoundAccessTokens?: false;
  /**
   * oidc-provider's `Client#redirectUriAllowed`: `prefix` accepts any redirect_uri that starts with a
   * registered one (RFC 9700 §4.1.3 not applied); otherwise the exact string match.
   */
  redirectUriMatching?: 'prefix';
  /**
   * The lab's token endpoint wrapper (machines/attacks/pkce-downgrade/lab/pkce-downgrade.ts): false lets it drop a code_verifier
   * sent for a code issued without a code_challenge, which oidc-provider refuses (RFC 9700 §4.8.2 not applied).
   */
  refuseCodeVerifierWithoutChallenge?: false;
};

/**
 * A client registered apart from the walkthroughs' demo clients: public (a browser app, whose tokens a
 * script can steal). `weaknesses` set: deliberately vulnerable.
 */
export type WeakClient = DemoClient & { type: 'public'; weaknesses?: Weakness };

/**
 * The clients registered apart as the authorization server registers them: the home page does not list
 * them, the client backend cannot act as them.
 */
export function weakClientRegistrations(origin: string): ClientMetadata[] {
  return serverComposition().weakClients.map((client) => ({
    client_id: client.client_id,
    ...client.metadata(origin),
    // A client weak on purpose to token replay is never registered for bound tokens, whatever it declares.
    ...(client.weaknesses?.dpopBoundAccessTokens === false ? { dpop_bound_access_tokens: false } : {}),
    token_endpoint_auth_method: 'none',
  }));
}

/** Whether a client id names one of the clients registered apart. */
export const isWeakClient = (clientId: string | undefined): boolean =>
  serverComposition().weakClients.some((client) => client.client_id === clientId);

/** What a client may get wrong on purpose: nothing, unless it is a client registered apart that says so. */
export const weaknessesOf = (clientId: string | undefined): Weakness =>
  serverComposition().weakClients.find((client) => client.client_id === clientId)?.weaknesses ?? {};

/**
 * oidc-provider's `rotateRefreshToken`: every client rotates (RFC 9700 §4.14.2), except a client
 * registered without rotation, deliberately vulnerable to refresh token replay.
 */
export const rotateRefreshToken = (ctx: KoaContextWithOIDC): boolean =>
  weaknessesOf(ctx.oidc.client?.clientId).rotateRefreshToken !== false;

/**
 * oidc-provider's `pkce.required`, wrapped: the playground's own policy (lib/oidc/pkce-policy.ts), except
 * for a client registered without PKCE, deliberately vulnerable to code injection and login CSRF.
 */
export function pkceRequiredUnlessWeak(
  required: (ctx: KoaContextWithOIDC, client: Client) => boolean,
): (ctx: KoaContextWithOIDC, client: Client) => boolean {
  return (ctx, client) => weaknessesOf(client.clientId).pkceRequired !== false && required(ctx, client);
}

/**
 * DELIBERATELY VULNERABLE for a client registered with `redirectUriMatching: 'prefix'`: oidc-provider
 * compares redirect URIs as exact strings and has no setting for it, so its client class's check is
 * wrapped, on this provider only (`provider.Client` is per provider), for that client id alone. A prefix
 * match lets `<registered>/../anywhere` through (RFC 9700 §4.1.1); every other client keeps the exact match.
 */
export function allowPrefixRedirectUrisForWeakClients(provider: Provider): void {
  const exact = provider.Client.prototype.redirectUriAllowed;
  provider.Client.prototype.redirectUriAllowed = function (this: Client, redirectUri: string) {
    if (weaknessesOf(this.clientId).redirectUriMatching === 'prefix')
      return this.redirectUris?.some((registered) => redirectUri.startsWith(registered)) ?? false;
    return exact.call(this, redirectUri);
  };
}
