import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';

/**
 * RFC 9700 §4.11.2: an authorization server that redirects every malformed request to the client's
 * redirect URI is an open redirector for anyone who can register a client, and registration here is
 * open (`/oidc/reg`, `/api/v1/apps`, no initial access token). So an error in the authorization request
 * of a dynamically registered client is shown on the authorization server's error page
 * (`renderError`), never sent to its redirect URI; the playground's own clients (demo and lab,
 * registered in the configuration) keep the redirect their lessons show. An answer after the user has
 * been through the server's own pages (`resume`: the user denied consent) still goes back to the client,
 * as a Mastodon app expects its `access_denied`: no link alone can produce it.
 *
 * oidc-provider has no setting for it: its authorization error handler emits `authorization.error`
 * (`server_error` for an unexpected one) and only then reads the error's `allow_redirect`, so the
 * listener clears that flag. Errors at the other endpoints have no redirect and are not affected.
 */
const keptOnSite = new WeakSet<object>();

/** Whether this error was kept from a registered client's redirect URI, for the page to say so. */
export const wasKeptOnSite = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && keptOnSite.has(error);

export function showAuthorizationErrorsOfRegisteredClients(
  provider: Provider,
  configuredClientIds: ReadonlySet<string>,
): void {
  const keepOnSite = (ctx: KoaContextWithOIDC, error: Error & { allow_redirect?: boolean }) => {
    const clientId = ctx.oidc?.client?.clientId;
    if (!clientId || configuredClientIds.has(clientId) || ctx.oidc.route === 'resume') return;
    error.allow_redirect = false;
    keptOnSite.add(error);
  };
  provider.on('authorization.error', keepOnSite);
  provider.on('server_error', keepOnSite);
}
