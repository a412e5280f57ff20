import type Provider from 'oidc-provider';
import type { Client, ClientMetadata, KoaContextWithOIDC } from 'oidc-provider';
// eslint-disable-next-line import/no-restricted-paths -- one of two imports of machines/ left in lib/ (with lib/oidc/clients.ts): the authorization server reads the lab's clients from the scenarios' registry, until app/ composes it and hands them in
import { ATTACKS } from '../../machines/attacks/registry';
import type { LabClient, Weakness } from './types';

/** Every client the attack lab's scenarios declare, each once. */
export const LAB_CLIENTS: readonly LabClient[] = [...new Set(ATTACKS.flatMap((attack) => attack.clients))];

/**
 * The lab's clients as the authorization server registers them, apart from the walkthroughs' demo
 * clients (lib/oidc/clients.ts): the home page does not list them, the client backend cannot act as them.
 */
export function labClients(origin: string): ClientMetadata[] {
  return LAB_CLIENTS.map((client) => ({
    client_id: client.client_id,
    ...client.metadata(origin),
    // A client weak on purpose to token replay is never registered for bound tokens, whatever it declares.
    ...(client.weaknesses?.dpopBoundAccessTokens === false ? { dpop_bound_access_tokens: false } : {}),
    token_endpoint_auth_method: 'none',
  }));
}

/** What a client may get wrong on purpose: nothing, unless it is a lab client that says so. */
export const weaknessesOf = (clientId: string | undefined): Weakness =>
  LAB_CLIENTS.find((client) => client.client_id === clientId)?.weaknesses ?? {};

/**
 * oidc-provider's `rotateRefreshToken`: every client rotates (RFC 9700 §4.14.2), except a lab client
 * registered without rotation, deliberately vulnerable to refresh token replay.
 */
export const rotateRefreshToken = (ctx: KoaContextWithOIDC): boolean =>
  weaknessesOf(ctx.oidc.client?.clientId).rotateRefreshToken !== false;

/**
 * oidc-provider's `pkce.required`, wrapped: the playground's own policy (lib/oidc/pkce-policy.ts), except
 * for a lab client registered without PKCE, deliberately vulnerable to code injection and login CSRF.
 */
export function pkceRequiredUnlessLab(
  required: (ctx: KoaContextWithOIDC, client: Client) => boolean,
): (ctx: KoaContextWithOIDC, client: Client) => boolean {
  return (ctx, client) => weaknessesOf(client.clientId).pkceRequired !== false && required(ctx, client);
}

/**
 * DELIBERATELY VULNERABLE for a lab client registered with `redirectUriMatching: 'prefix'`: oidc-provider
 * compares redirect URIs as exact strings and has no setting for it, so its client class's check is
 * wrapped, on this provider only (`provider.Client` is per provider), for that client id alone. A prefix
 * match lets `<registered>/../anywhere` through (RFC 9700 §4.1.1); every other client keeps the exact match.
 */
export function allowPrefixRedirectUrisForLab(provider: Provider): void {
  const exact = provider.Client.prototype.redirectUriAllowed;
  provider.Client.prototype.redirectUriAllowed = function (this: Client, redirectUri: string) {
    if (weaknessesOf(this.clientId).redirectUriMatching === 'prefix')
      return this.redirectUris?.some((registered) => redirectUri.startsWith(registered)) ?? false;
    return exact.call(this, redirectUri);
  };
}
