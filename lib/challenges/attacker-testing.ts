import { ATTACKER, PARTY_HEADER } from '../attacks/party';
import type { TraceEvent } from '../trace/types';
import { authorizationVisit, tokenRequest } from './testing';

/**
 * Traces of the attack challenges, for their graders' tests, shaped as the playground records them: the
 * lab attacker's requests carry its party header, its page answers with a redirect.
 */

/** The same exchange, sent by the lab's attacker from its own server. */
export function byAttacker(event: TraceEvent): TraceEvent {
  event.request.headers = [...event.request.headers, [PARTY_HEADER, ATTACKER]];
  return event;
}

/**
 * An authorization request (at `seq`) and the redirect that brings its code back (at `seq + 1`), in one
 * run of a browser: the victim's, or the attacker's own session when `attacker` is set.
 */
export function codeIssuedFor(
  seq: number,
  query: Record<string, string>,
  code: string,
  options: { run?: string; attacker?: boolean } = {},
): TraceEvent[] {
  const events = [
    authorizationVisit(
      seq,
      { response_type: 'code', redirect_uri: REDIRECT_URI, ...query },
      undefined,
      options.run,
    ),
    authorizationVisit(seq + 1, {}, code, options.run),
  ];
  return options.attacker ? events.map(byAttacker) : events;
}

export const REDIRECT_URI = 'http://localhost:3000/callback';

/** A token request for a code, with the form given, and the token endpoint's answer. */
export const redemption = (
  seq: number,
  form: Record<string, string>,
  answer: { status: 200; accessToken: string; tokenType?: string } | { status: 400 | 401; error: string },
): TraceEvent =>
  tokenRequest(
    seq,
    { grant_type: 'authorization_code', redirect_uri: REDIRECT_URI, ...form },
    answer.status,
    answer.status === 200
      ? { access_token: answer.accessToken, token_type: answer.tokenType ?? 'Bearer', expires_in: 3600 }
      : { error: answer.error, error_description: 'grant request is invalid' },
  );

/** alice's browser, lured to the attacker's page, sent on to the client's redirect URI with a code. */
export function forgedCallback(seq: number, code: string, run?: string): TraceEvent {
  const visit = authorizationVisit(seq, {}, code, run);
  visit.request.url = 'http://localhost:3000/api/attacker/forged-callback';
  visit.to = 'client';
  visit.response.headers = [
    ['location', `http://localhost:3000/callback?code=${code}&iss=http%3A%2F%2Flocalhost%3A3000%2Foidc`],
  ];
  return visit;
}

/** A call to the API's verify_credentials with a token, and the answer with its challenge, if any. */
export function apiCall(
  seq: number,
  scheme: 'Bearer' | 'DPoP',
  token: string,
  status: number,
  challenge?: string,
): TraceEvent {
  const call = tokenRequest(seq, {}, status, status === 200 ? { acct: 'alice' } : { error: 'invalid_token' });
  call.request = {
    ...call.request,
    method: 'GET',
    url: 'http://localhost:3000/api/v1/accounts/verify_credentials',
    headers: [['authorization', `${scheme} ${token}`]],
    body: null,
  };
  call.to = 'resource-server';
  if (challenge) call.response.headers = [...call.response.headers, ['www-authenticate', challenge]];
  return call;
}

/** The challenge the API answers a DPoP-bound token presented as Bearer with (lib/mastodon/authenticate.ts). */
export const DPOP_BEARER_CHALLENGE =
  'DPoP algs="ES256 Ed25519 EdDSA", error="invalid_token", error_description="the access token is DPoP-bound: present it with Authorization: DPoP and a proof, not as a Bearer token"';
