import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/**
 * The TCP peer of a request, as the one thing a client cannot choose. Next's route handlers and proxy
 * see only headers, and Next fills `x-forwarded-for` only when the client did not send one, so the
 * socket's address is stamped into this header before Next reads the request, replacing any value
 * the client sent under the same name.
 */
export const PEER_HEADER = 'x-playground-peer';

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) is `10.0.0.1`. */
export const normalizeAddress = (address: string): string =>
  address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');

type RequestStart = { request: IncomingMessage; socket: Socket };

export function stampPeer({ request, socket }: RequestStart): void {
  request.headers[PEER_HEADER] = socket.remoteAddress ? normalizeAddress(socket.remoteAddress) : '';
}

declare global {
  var playgroundPeerStamped: boolean | undefined;
}

/**
 * Node publishes every request on `http.server.request.start` synchronously, before the server's
 * 'request' event, so the stamp is in place before Next copies the headers. Called once per process
 * from instrumentation.ts.
 */
export function stampPeerAddresses(): void {
  if (globalThis.playgroundPeerStamped) return;
  globalThis.playgroundPeerStamped = true;
  subscribe('http.server.request.start', (message) => stampPeer(message as RequestStart));
}
