import { NextResponse, type NextRequest } from 'next/server';
import { applyContentSecurityPolicy } from './lib/http/content-security-policy';
import { lengthRequiredResponse } from './lib/http/length-required';
import { MACHINE_PATHS, malformedPathResponse } from './lib/http/malformed-path';
import {
  learnerCookieAttributes,
  learnerCookieName,
  learnerIdFromCookieHeader,
  newLearnerId,
  signLearnerId,
} from './lib/trace/learner';

/** Every page gets its Content Security Policy, with a nonce of its own. */
export async function proxy(request: NextRequest) {
  // A chunked body would reach the route cut short by Next, unseen: refused here (lib/http/length-required.ts).
  const unbounded = lengthRequiredResponse(request);
  if (unbounded) return unbounded;
  return applyContentSecurityPolicy(request, await learnerProxy(request));
}

/**
 * Gives every new browser its learner id on its first page visit, so that the exchanges it causes are
 * recorded into its own trace. The request continues with the cookie too, so the first page can use it.
 * A cookie this server did not sign counts as none: the browser gets a fresh id in its place.
 *
 * The signing key comes from the storage through instrumentation.ts (Next 16 runs the proxy on
 * Node.js, in the server's own process), so the proxy's bundle carries no storage code.
 */
async function learnerProxy(request: NextRequest) {
  const malformed = malformedPathResponse(request.url);
  if (malformed) return malformed;
  if (MACHINE_PATHS.test(request.nextUrl.pathname)) return NextResponse.next();
  const key = await globalThis.playgroundLearnerKeySource?.();
  if (!key) return NextResponse.next();
  if (learnerIdFromCookieHeader(request.headers.get('cookie'), key)) return NextResponse.next();
  const secure = request.nextUrl.protocol === 'https:';
  const value = signLearnerId(newLearnerId(), key);
  request.cookies.set(learnerCookieName(secure), value);
  const response = NextResponse.next({ request: { headers: request.headers } });
  response.cookies.set(learnerCookieName(secure), value, learnerCookieAttributes(secure));
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
