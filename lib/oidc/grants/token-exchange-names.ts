/**
 * RFC 8693's wire names, in a module of their own: the demo clients' declarations (which reach the
 * browser) name the grant type without loading the grant's server code.
 */
export const TOKEN_EXCHANGE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:token-exchange';
/** RFC 8693 §3: the token type of an OAuth 2.0 access token. */
export const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
