import { describe, expect, it } from 'vitest';
import { clientAddress, UNKNOWN_ADDRESS } from './client-address';
import { PEER_HEADER, stampPeer } from './peer-address';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

const headers = (peer: string | undefined, forwardedFor?: string) =>
  new Headers({
    ...(peer ? { [PEER_HEADER]: peer } : {}),
    ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
  });

describe('client address without TRUST_PROXY', () => {
  it('is the socket peer, whatever X-Forwarded-For the client sends', () => {
    expect(clientAddress(headers('198.51.100.4', '10.1.2.3'), 0)).toBe('198.51.100.4');
    expect(clientAddress(headers('198.51.100.4', '1.1.1.1, 2.2.2.2'), 0)).toBe('198.51.100.4');
  });

  it('is "unknown" when the server did not stamp the peer, never a header the client chose', () => {
    expect(clientAddress(headers(undefined, '10.1.2.3'), 0)).toBe(UNKNOWN_ADDRESS);
  });
});

describe('client address behind TRUST_PROXY=N proxies', () => {
  it('is the rightmost X-Forwarded-For entry behind one proxy, not the client-written leftmost', () => {
    expect(clientAddress(headers('10.0.0.1', '6.6.6.6, 203.0.113.7'), 1)).toBe('203.0.113.7');
  });

  it('is the N-th entry from the right behind N proxies', () => {
    const chain = '6.6.6.6, 203.0.113.7, 10.0.0.5';
    expect(clientAddress(headers('10.0.0.1', chain), 2)).toBe('203.0.113.7');
    expect(clientAddress(headers('10.0.0.1', chain), 3)).toBe('6.6.6.6');
  });

  it('is the leftmost entry when the chain is shorter than N', () => {
    expect(clientAddress(headers('10.0.0.1', '203.0.113.7'), 3)).toBe('203.0.113.7');
  });

  it('is the peer when no proxy added X-Forwarded-For', () => {
    expect(clientAddress(headers('203.0.113.9'), 1)).toBe('203.0.113.9');
  });

  it('reads an IPv4 address on a dual-stack socket as IPv4', () => {
    expect(clientAddress(headers('10.0.0.1', '::ffff:203.0.113.7'), 1)).toBe('203.0.113.7');
  });
});

describe('peer stamp', () => {
  it('replaces a client-sent peer header with the socket address', () => {
    const request = { headers: { [PEER_HEADER]: '6.6.6.6' } } as unknown as IncomingMessage;
    stampPeer({ request, socket: { remoteAddress: '::ffff:192.0.2.8' } as Socket });
    expect(request.headers[PEER_HEADER]).toBe('192.0.2.8');
  });
});
