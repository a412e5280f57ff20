/**
 * CSP `form-action` for a page whose form ends at a client's redirect URI. Chromium checks form-action
 * on every redirect that follows a form submission, so the sign-in and consent forms (which post to
 * this origin, then get redirected through /oidc/auth to the client) must allow where the chain ends:
 * the client's redirect_uri, reduced to its origin (an http(s) URI) or its scheme (a native app's
 * `com.example.app:/callback`). Only a redirect URI the authorization server has already validated
 * against the client's registration is ever passed here.
 */
export function formActionSource(redirectUri: string | undefined): string | undefined {
  if (!redirectUri || !URL.canParse(redirectUri)) return undefined;
  const url = new URL(redirectUri);
  if (url.protocol === 'https:' || url.protocol === 'http:') return url.origin;
  // A private-use scheme (RFC 8252 §7.1): CSP matches it as a scheme source.
  return /^[a-z][a-z0-9+.-]*:$/i.test(url.protocol) ? url.protocol : undefined;
}

/** The directive: this origin, and the end of the redirect chain when it is elsewhere. */
export function formActionDirective(...redirectUris: (string | undefined)[]): string {
  const sources = redirectUris.map(formActionSource).filter((source) => source !== undefined);
  return ['form-action', "'self'", ...new Set(sources)].join(' ');
}
