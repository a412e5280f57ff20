/**
 * The address a request was sent to, as the class uses it: the public origin with the request's path
 * and query. Next hands route handlers its own internal URL (`http://localhost:<port>/…`, whatever the
 * Host), which on a LAN names each student's own machine; the issuer, the redirect URIs and the links
 * a learner follows all live at the public origin (PUBLIC_ORIGIN), so the log does too.
 */
export function publicUrl(internalUrl: string, publicOrigin: string): string {
  const { pathname, search } = new URL(internalUrl);
  return `${publicOrigin.replace(/\/+$/, '')}${pathname}${search}`;
}
