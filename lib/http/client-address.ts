import { readEnv } from '../config/env';
import { normalizeAddress, PEER_HEADER } from './peer-address';

/**
 * The one client-address policy of the playground, for every limit and for Koa's `ctx.ip`.
 *
 * - By default, the socket's peer: nothing the client writes in a header counts.
 * - Behind `TRUST_PROXY=N` proxies, the N-th address from the right of `X-Forwarded-For`: each proxy
 *   appends the address it received from, so the rightmost N entries were written by proxies we trust
 *   and everything to their left may be the client's invention. When the header holds fewer entries
 *   than N, the leftmost one is the best there is.
 */
export const UNKNOWN_ADDRESS = 'unknown';

export function peerAddress(headers: Headers): string {
  return headers.get(PEER_HEADER) || UNKNOWN_ADDRESS;
}

export function clientAddress(headers: Headers, trustedHops = readEnv().trustProxy): string {
  if (trustedHops < 1) return peerAddress(headers);
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return peerAddress(headers);
  return normalizeAddress(chain[Math.max(0, chain.length - trustedHops)]!);
}
