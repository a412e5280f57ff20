import { errorResponse } from './errors';

/** The APIs and the authorization server: no learner cookie, JSON errors. */
export const MACHINE_PATHS = /^\/(?:oidc|api|oauth|\.well-known)(?:\/|$)/;

/** Whether a raw path decodes: `%ZZ` or `%FF` (not UTF-8) do not. */
export function isDecodablePath(rawPathname: string): boolean {
  try {
    decodeURIComponent(rawPathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * The answer to a path whose percent-encoding is malformed, or undefined when it is fine. Next's
 * production server answers such paths with a bare 500 when they reach a dynamic route
 * (vercel/next.js#92527), so the proxy answers them first: 400, JSON for the APIs and the
 * authorization server, a short page for people.
 */
export function malformedPathResponse(url: string): Response | undefined {
  // The raw path as sent: URL keeps invalid percent-escapes as they are.
  const { pathname } = new URL(url);
  if (isDecodablePath(pathname)) return undefined;
  const message =
    'The address has a malformed percent-encoding (a % not followed by two hex digits, or bytes that are not UTF-8).';
  if (MACHINE_PATHS.test(pathname)) return errorResponse(400, 'invalid_request', message);
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bad address · OAuth2 Playground</title></head><body><main><h1>Bad address</h1><p>${message}</p><p><a href="/">Go to the playground’s home page</a></p></main></body></html>`,
    { status: 400, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } },
  );
}
