import { NextResponse, type NextRequest } from 'next/server';
import { applyContentSecurityPolicy } from './lib/http/content-security-policy';
import { MACHINE_PATHS, malformedPathResponse } from './lib/http/malformed-path';
import { LEARNER_COOKIE, isLearnerId, learnerCookieAttributes, newLearnerId } from './lib/trace/learner';

/** Every page gets its Content Security Policy, with a nonce of its own. */
export function proxy(request: NextRequest) {
  return applyContentSecurityPolicy(request, learnerProxy(request));
}

/**
 * Gives every new browser its learner id on its first page visit, so that the exchanges it causes are
 * recorded into its own trace. The request continues with the cookie too, so the first page can use it.
 */
function learnerProxy(request: NextRequest) {
  const malformed = malformedPathResponse(request.url);
  if (malformed) return malformed;
  if (MACHINE_PATHS.test(request.nextUrl.pathname)) return NextResponse.next();
  if (isLearnerId(request.cookies.get(LEARNER_COOKIE)?.value)) return NextResponse.next();
  const learnerId = newLearnerId();
  request.cookies.set(LEARNER_COOKIE, learnerId);
  const response = NextResponse.next({ request: { headers: request.headers } });
  response.cookies.set(
    LEARNER_COOKIE,
    learnerId,
    learnerCookieAttributes(request.nextUrl.protocol === 'https:'),
  );
  return response;
}

export const config = {
  // Pages: the authorization server, the APIs and static files never need to mint a learner. Their
  // paths pass through here only when they hold a % (to refuse malformed escapes), so the hot
  // endpoints (token, discovery, health) pay nothing for the proxy.
  matcher: [
    '/((?!oidc|api|oauth|\\.well-known|_next|favicon\\.ico|robots\\.txt).*)',
    '/((?:oidc|api|oauth|\\.well-known)/.*%.*)',
    // The one page among Mastodon's paths: it needs its nonce.
    '/oauth/authorize/native',
  ],
};
