/** What an OAuth error means and what to try, next to the server's own words. */
const EXPLANATIONS: Record<string, string> = {
  invalid_request:
    'The request is missing a parameter or has one twice or malformed. Check the request above.',
  invalid_client: 'The client could not be authenticated: unknown client_id, wrong secret or wrong method.',
  invalid_grant:
    'The server refused the code, refresh token or credentials it was given. Its answer does not say which rule refused them; the step says what the trace shows.',
  unauthorized_client: 'This client is not allowed to use this grant.',
  unsupported_grant_type: 'The server does not know this grant_type.',
  invalid_scope:
    'A requested scope is unknown or not allowed for this client. Change the scope and try again.',
  access_denied: 'The user (or the server) refused the request, for example with Deny on the consent page.',
  unsupported_response_type:
    'The server does not offer this response_type: plain token (implicit) is not supported here; OAuth 2.1 removes it.',
  invalid_target: 'The resource indicator names an API this server does not know.',
  login_required: 'prompt=none was asked, but the user must sign in: the server may not show a page.',
  consent_required: 'prompt=none was asked, but the user must consent.',
  expired_token: 'The device code expired before the user approved. Restart the flow.',
  state_mismatch:
    'The state that came back is not the one sent: the client refuses the response and exchanges nothing.',
  issuer_mismatch: 'The response names another authorization server (mix-up attack defence, RFC 9207).',
  nonce_mismatch: 'The ID token does not carry the nonce the client sent: a replayed or injected token.',
  network_error: 'The request did not reach the server, or its answer could not be read.',
  invalid_metadata:
    'The server’s metadata would send your browser, code or token somewhere it should not: the client refuses to follow it (RFC 8414 §3.3). Check the address, or try another instance.',
};

/**
 * Refusals whose server description names one rule precisely: the rule, and why the server has it.
 * Keyed by oidc-provider 9's own error_description, so that the explanation follows the server's answer.
 */
const BY_DESCRIPTION: Record<string, string> = {
  'not supported value of code_challenge_method':
    'This server allows only S256 (its discovery document says code_challenge_methods_supported: ["S256"]). With plain, the code_challenge is the code_verifier itself, so anyone who sees the authorization request (the browser history, a proxy log, another app on the device) holds what redeems the code. S256 sends only a hash, which cannot be turned back into the verifier (RFC 7636 §4.2, RFC 9700 §2.1.1).',
};

export const explainError = (error: string, description?: string) =>
  (description ? BY_DESCRIPTION[description] : undefined) ??
  EXPLANATIONS[error] ??
  'See the server’s description above.';
