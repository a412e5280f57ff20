import { randomBytes } from 'node:crypto';
import type { NextRequest, NextResponse } from 'next/server';
import { prerenderedScriptHashes } from './prerendered-scripts';

/**
 * The Content Security Policy of the playground's pages, set per request by proxy.ts.
 *
 * Scripts: this origin's files, plus inline scripts carrying this response's nonce (Next puts it on
 * its own scripts when it renders a page: it reads it from the policy), plus the hashes of the inline
 * scripts of the pages prerendered at build (see prerendered-scripts.ts). No `'unsafe-inline'`, so an
 * injected `<script>`, an inline event handler or a `javascript:` URL does not run.
 *
 * Styles keep `'unsafe-inline'`: the diagram library positions its nodes with style attributes, which a
 * nonce cannot cover, and a style cannot run code.
 *
 * `form-action 'self'`: the playground's forms post to itself. The authorization server's sign-in and
 * consent pages (/interaction/...) are the exception: their POST ends, through redirects, at the
 * client's redirect_uri, which can be another site (a Mastodon app's callback) or a native app's
 * scheme, and Chromium applies form-action to the redirects that follow a form. Those pages, like the
 * rest of the authorization server's (/oidc), are its own HTML and set their own policy naming the one
 * redirect_uri of the request (lib/oidc/content-security-policy.ts, form-action.ts).
 */
export const NONCE_POLICY_PATHS = /^\/(?!oidc(?:\/|$)|interaction\/)/;

export type PagePolicy = { nonce: string; scriptHashes: string[]; dev: boolean };

export function pagePolicy({ nonce, scriptHashes, dev }: PagePolicy): string {
  return [
    "default-src 'self'",
    ['script-src', "'self'", `'nonce-${nonce}'`, ...scriptHashes, ...(dev ? ["'unsafe-eval'"] : [])].join(
      ' ',
    ),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    // The Mastodon flow calls the learner's instance from the browser: https, or a local test instance.
    // Not http://[::1]: Chromium refuses IPv6 literals in a source list (and logs it on every page).
    "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * Gives a page response its policy with a fresh nonce. Next copies the headers of the proxy's response
 * onto the request it renders (next/dist/server/lib/router-utils/resolve-routes.js), which is where
 * it looks for the nonce, so setting it on the response is enough. /oidc is left alone: the
 * authorization server sets its own policy there (lib/oidc/content-security-policy.ts).
 */
export function applyContentSecurityPolicy(request: NextRequest, response: NextResponse | Response) {
  const { pathname } = request.nextUrl;
  if (!NONCE_POLICY_PATHS.test(pathname)) return response;
  const policy = pagePolicy({
    nonce: randomBytes(16).toString('base64'),
    scriptHashes: prerenderedScriptHashes(),
    dev: process.env.NODE_ENV !== 'production',
  });
  response.headers.set('content-security-policy', policy);
  return response;
}
