/**
 * What a learner loses by sending an authorization request without `state` (RFC 6749 §10.12,
 * RFC 9700 §4.7): said before the redirect, from the request as it will be sent, so that what it names
 * as still protecting the response (PKCE, the nonce) is what this request really carries.
 */
export function missingStateAdvice(authorizationRequest: string): string | undefined {
  const params = new URL(authorizationRequest, 'http://playground.invalid').searchParams;
  // A request by reference (RFC 9126 §4) carries its state among the parameters the client pushed.
  if (params.get('state') || params.has('request_uri')) return undefined;
  const lost =
    'This request carries no state. state is how the client recognises the response to a request it made itself: without it, an attacker can send your browser to the client’s callback with a response of their own, and the client cannot tell (cross-site request forgery, RFC 9700 §4.7).';
  const protections = [
    params.has('code_challenge')
      ? 'PKCE still protects the code: an attacker’s code was issued for the attacker’s code_challenge, and this client’s code_verifier will not match it (RFC 9700 §4.7.1 lets a client rely on PKCE when the server enforces it, as this one does)'
      : undefined,
    params.get('nonce') && (params.get('response_type') ?? '').includes('id_token')
      ? 'the nonce still protects the ID token: an injected one carries another nonce and is refused'
      : undefined,
  ].filter(Boolean);
  return protections.length
    ? `${lost} Here ${protections.join('; ')}.`
    : `${lost} Nothing else in this request ties the response to it.`;
}

/** After the redirect: a client that sent no state had nothing to check. */
export const NO_STATE_RETURNED =
  'No state was sent and none came back: the client had nothing to compare, so this response is accepted on the other protections alone (see the request step).';
