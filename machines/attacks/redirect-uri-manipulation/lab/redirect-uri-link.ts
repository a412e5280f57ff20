/**
 * RFC 9700 §4.1: redirect URI manipulation. The attacker's link names a redirect_uri that starts with the
 * client's registered one but, once a URL parser resolves its dot segments, points at the attacker's
 * own page. A server that matches redirect URIs by prefix sends alice's code there.
 */
export const LOOSE_REDIRECT_CLIENT = 'lab-spa-loose-redirect';
export const EXACT_REDIRECT_CLIENT = 'lab-spa-exact-redirect';
export const CATCH_PATH = '/api/attacker/catch';

/** `<origin>/callback/../api/attacker/catch`: passes a prefix check of `<origin>/callback`, lands on the attacker. */
export const manipulatedRedirectUri = (origin: string) => `${origin}/callback/..${CATCH_PATH}`;

/** The attacker's link: the client's own authorization request, with the redirect_uri swapped. */
export const attackerLink = (origin: string, clientId: string) =>
  `/oidc/auth?${new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    redirect_uri: manipulatedRedirectUri(origin),
    scope: 'openid read',
  })}`;
