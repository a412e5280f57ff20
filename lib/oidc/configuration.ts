import { createHash } from 'node:crypto';
import { errors, type Adapter, type Configuration } from 'oidc-provider';
import { pkceRequiredUnlessWeak, rotateRefreshToken, weakClientRegistrations } from './weak-clients';
import { weakClientRecordLifetimes } from './weak-client-lifetimes';
import { findAccount } from './accounts';
import { demoClients, RESOURCE_SERVER_CLIENT, type ClientPublicJwks } from './clients';
import type { ProviderKeys } from './keys';
import { extraClientMetadata, pkce } from './pkce-policy';
import { STATIC_SCOPES } from './scopes';
import { actorClaims } from './grants/token-exchange';
import { assertClientAssertionClaims } from './client-assertion-policy';
import {
  ASSISTANT,
  assistantIdentifier,
  assistantResourceInfo,
  resourceIdentifier,
  resourceServerInfo,
} from './resource-server';
import { deviceFlow, renderError, rpInitiatedLogout } from './views/pages';

export type ConfigurationInput = {
  origin: string;
  keys: ProviderKeys;
  /** The public keys of the demo clients that authenticate with private_key_jwt (lib/client/client-keys.ts). */
  clientJwks?: ClientPublicJwks;
  adapter: new (name: string) => Adapter;
  /** Seconds; TTL.AuthorizationCode unless the environment says otherwise (AUTHORIZATION_CODE_TTL). */
  authorizationCodeTtl?: number;
};

export { OIDC_SCOPES, STATIC_SCOPES } from './scopes';

/** Lifetimes, in seconds: short enough to watch them expire in a lesson, long enough to finish one. */
export const TTL = {
  AccessToken: 60 * 60,
  AuthorizationCode: 60,
  ClientCredentials: 10 * 60,
  DeviceCode: 10 * 60,
  Grant: 14 * 24 * 60 * 60,
  IdToken: 60 * 60,
  Interaction: 60 * 60,
  RefreshToken: 14 * 24 * 60 * 60,
  Session: 14 * 24 * 60 * 60,
} as const;

/**
 * The authorization server's configuration: every feature the playground teaches turned on, and our
 * own pages for login, consent, device flow, logout and errors.
 */
export function providerConfiguration({
  origin,
  keys,
  clientJwks = {},
  adapter,
  authorizationCodeTtl = TTL.AuthorizationCode,
}: ConfigurationInput): Configuration {
  const apiResource = resourceIdentifier(origin);
  return {
    adapter,
    // The attack lab's clients, some deliberately vulnerable, are registered apart (weak-clients.ts).
    clients: [...demoClients(origin, clientJwks), ...weakClientRegistrations(origin)],
    findAccount,
    jwks: keys.jwks,
    cookies: {
      keys: keys.cookieKeys,
      long: { httpOnly: true, sameSite: 'lax', signed: true },
      short: { httpOnly: true, sameSite: 'lax', signed: true },
    },
    claims: {
      openid: ['sub'],
      profile: [
        'name',
        'given_name',
        'family_name',
        'preferred_username',
        'website',
        'locale',
        'zoneinfo',
        'updated_at',
      ],
      email: ['email', 'email_verified'],
    },
    // Mastodon's scopes are static scopes too, so that opaque access tokens (the only ones that can be
    // revoked) carry them; with resource=<origin>/api they go into JWT access tokens instead.
    scopes: [...STATIC_SCOPES],
    // Plain `token` is not offered: OpenID Connect's `id_token token` is the implicit flow this server
    // teaches, and OAuth 2.1 removes the implicit grant altogether.
    responseTypes: ['code', 'id_token token', 'id_token'],
    // Required as pkce-policy.ts says, but for the attack lab's client registered without PKCE on purpose.
    pkce: { ...pkce, required: pkceRequiredUnlessWeak(pkce.required!) },
    extraClientMetadata,
    // Always, but for the attack lab's client registered without rotation on purpose.
    rotateRefreshToken,
    // RFC 8693 §4.1: a token from a token exchange names who acts for the user; other tokens get nothing.
    extraTokenClaims: (_ctx, token) => actorClaims(token),
    // private_key_jwt: aud is the issuer as a single string, and assertions are short-lived (rfc7523bis).
    assertJwtClientAuthClaimsAndHeader: (ctx, claims) => assertClientAssertionClaims(ctx, claims),
    // The attack lab's grants, refresh tokens and the attacker's sessions live hours, not weeks.
    ttl: { ...TTL, AuthorizationCode: authorizationCodeTtl, ...weakClientRecordLifetimes(TTL) },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // Browser calls from the playground's own pages are its demo clients at work (a public TV app has no
    // redirect URI to derive an origin from); other origins follow oidc-provider's rule: public clients
    // whose redirect URIs share the origin.
    clientBasedCORS: (_ctx, requestOrigin, client) =>
      requestOrigin === origin ||
      (client.clientAuthMethod === 'none' &&
        (client.redirectUris ?? []).some(
          (uri) => URL.canParse(uri) && new URL(uri).origin === requestOrigin,
        )),
    renderError,
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      deviceFlow,
      // A client may introspect and revoke only the tokens issued to it (RFC 7009 section 2.1).
      // The playground's resource server may introspect any token presented to it (RFC 7662 section 2.1).
      introspection: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) =>
          token.clientId === client.clientId || client.clientId === RESOURCE_SERVER_CLIENT.id,
      },
      revocation: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      userinfo: { enabled: true },
      registration: { enabled: true, initialAccessToken: false },
      rpInitiatedLogout,
      pushedAuthorizationRequests: { enabled: true },
      // RFC 9449 §8: a client that asks for DPoP-bound tokens (dpop_bound_access_tokens) must also put a
      // fresh server nonce into its proofs; the first proof without one is answered use_dpop_nonce.
      dPoP: {
        enabled: true,
        nonceSecret: createHash('sha256').update(`dpop-nonce:${keys.cookieKeys[0]}`).digest(),
        requireNonce: (ctx) => ctx.oidc.client?.dpopBoundAccessTokens === true,
      },
      resourceIndicators: {
        enabled: true,
        // A token request without `resource` after an authorization request with one gets a token
        // for that resource: what learners expect from the request they just made.
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource, client) => {
          if (resource === assistantIdentifier(origin)) {
            // A token for the assistant is what the assistant may exchange: only its chat app gets one.
            if (client.clientId !== ASSISTANT.appClientId)
              throw new errors.InvalidTarget(`only ${ASSISTANT.appClientId} gets tokens for ${resource}`);
            return assistantResourceInfo(origin);
          }
          if (resource !== apiResource) {
            throw new errors.InvalidTarget(`unknown resource indicator; this server knows ${apiResource}`);
          }
          return resourceServerInfo(origin);
        },
      },
    },
    discovery: {
      service_documentation: `${origin}/`,
      ui_locales_supported: ['en'],
    },
  };
}
