import type { TraceEvent } from '../trace/types';
import { formOf, responseHeader } from '../trace/exchange';

/**
 * What the trace knows about one authorization code: where it was issued, where it was redeemed, and
 * when it expires. The token endpoint answers every refused code with the same `invalid_grant`
 * ("grant request is invalid", RFC 6749 §5.2); the trace and the code's lifetime tell which rule refused it.
 */

const locationOf = (event: TraceEvent) => responseHeader(event, 'location');

const isTokenRequest = (event: TraceEvent) =>
  event.request.method === 'POST' && new URL(event.request.url).pathname.endsWith('/oidc/token');

/** The redirect that carried the code to the client (RFC 6749 §4.1.2): the code's birth. */
export function codeIssue(events: readonly TraceEvent[], code: string): TraceEvent | undefined {
  return events.find((event) => {
    const location = locationOf(event);
    if (!location || !URL.canParse(location)) return false;
    return new URL(location).searchParams.get('code') === code;
  });
}

/** When a code issued at `issuedAt` (ISO time) stops being redeemable, in epoch milliseconds. */
export const codeExpiry = (issuedAt: string, ttlSeconds: number) => Date.parse(issuedAt) + ttlSeconds * 1000;

/** The first token request that redeemed this code, and its number in the run's HTTP log (1-based). */
export function codeRedemption(
  events: readonly TraceEvent[],
  code: string,
  before?: number,
): { event: TraceEvent; number: number } | undefined {
  const index = events.findIndex(
    (event) =>
      (before === undefined || event.seq < before) &&
      isTokenRequest(event) &&
      event.response.status === 200 &&
      formOf(event)?.get('grant_type') === 'authorization_code' &&
      formOf(event)?.get('code') === code,
  );
  return index < 0 ? undefined : { event: events[index]!, number: index + 1 };
}

/** The PKCE challenge of the authorization request whose code this is (the request before the issue). */
function challengeOf(events: readonly TraceEvent[], issue: TraceEvent): string | undefined {
  const requests = events.filter(
    (event) =>
      event.seq <= issue.seq &&
      event.request.method === 'GET' &&
      new URL(event.request.url).pathname.endsWith('/oidc/auth') &&
      new URL(event.request.url).searchParams.has('code_challenge'),
  );
  const last = requests.at(-1);
  return last ? (new URL(last.request.url).searchParams.get('code_challenge') ?? undefined) : undefined;
}

export type CodeRefusal =
  | { cause: 'expired'; expiredAt: number }
  | { cause: 'already-redeemed'; exchangeNumber: number }
  | { cause: 'verifier-mismatch' }
  | { cause: 'unknown' };

export type CodeRefusalInput = {
  events: readonly TraceEvent[];
  code: string;
  /** The server's code lifetime in seconds (AUTHORIZATION_CODE_TTL). */
  ttlSeconds: number;
  /** When the refused token request was sent (epoch ms): the refused exchange's time when recorded. */
  refusedAt: number;
  /** S256 of the code_verifier the client sent, when it sent one. */
  verifierChallenge?: string;
};

/**
 * Why the token endpoint refused this code, in oidc-provider's order of checks (its authorization_code
 * grant): expiry first, then PKCE, then consumption. A code that was already redeemed is refused after
 * the others pass, and its refusal revokes what the first redemption issued (RFC 6749 §4.1.2).
 */
export function explainCodeRefusal({
  events,
  code,
  ttlSeconds,
  refusedAt,
  verifierChallenge,
}: CodeRefusalInput): CodeRefusal {
  const issue = codeIssue(events, code);
  if (issue) {
    const expiredAt = codeExpiry(issue.time, ttlSeconds);
    if (refusedAt >= expiredAt) return { cause: 'expired', expiredAt };
    const challenge = challengeOf(events, issue);
    if (challenge && verifierChallenge !== undefined && challenge !== verifierChallenge)
      return { cause: 'verifier-mismatch' };
  }
  const refused = events.findLast(
    (event) => isTokenRequest(event) && event.response.status === 400 && formOf(event)?.get('code') === code,
  );
  const redemption = codeRedemption(events, code, refused?.seq);
  if (redemption) return { cause: 'already-redeemed', exchangeNumber: redemption.number };
  return { cause: 'unknown' };
}

const clock = (time: number) => new Date(time).toTimeString().slice(0, 8);

/** The cause in words, for the learner, next to the server's own answer. */
export function describeCodeRefusal(refusal: CodeRefusal, ttlSeconds: number): string {
  switch (refusal.cause) {
    case 'expired':
      return `The code expired at ${clock(refusal.expiredAt)}: this server lets a code wait ${ttlSeconds} seconds before the token request redeems it. An old code is refused, so nobody can redeem one found later in a log or the browser history.`;
    case 'already-redeemed':
      return `This code was already redeemed in exchange #${refusal.exchangeNumber}. A code works once (RFC 6749 §4.1.2): a second redemption looks like a stolen code being replayed, so the server has also revoked the tokens that exchange #${refusal.exchangeNumber} issued.`;
    case 'verifier-mismatch':
      return 'The code_verifier does not match the code_challenge of the request that got this code (RFC 7636 §4.6): whoever redeems it did not start that request.';
    case 'unknown':
      return 'The trace shows this code neither expired nor redeemed before; the server refuses a code issued to another client, or sent with another redirect_uri than the authorization request’s.';
  }
}
