/**
 * Whether an address only reaches the machine it is typed on: localhost and its subdomains (RFC 6761
 * §6.3), 127.0.0.0/8 and ::1. A join URL on such a host works for the instructor and for nobody else.
 */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '[::1]') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The origin students should be given instead: the same scheme and port, the LAN address to fill in. */
export function lanOriginHint(url: string): string {
  const { protocol, port } = new URL(url);
  return `${protocol}//<your LAN address>${port ? `:${port}` : ''}`;
}
