/**
 * A path is normalised when resolving it changes nothing: no `.` or `..` segments (RFC 3986 section
 * 5.2.4) and no backslashes that a URL parser would read as slashes. A path checked against an
 * allow-list must be normalised, or `/oidc/../api/rooms/X` passes as `/oidc/...` and reaches
 * `/api/rooms/X`.
 */
export function isNormalizedPath(path: string): boolean {
  const pathname = path.split(/[?#]/, 1)[0]!;
  if (!pathname.startsWith('/') || pathname.includes('\\')) return false;
  return new URL(pathname, 'http://path.invalid').pathname === pathname;
}
