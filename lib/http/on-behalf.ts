import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * When the playground calls itself over loopback (the demo clients' backend calling /oidc/token), the
 * socket's peer is the server, not the learner. The caller vouches for who the call is for in this
 * header, signed with the server's learner key: only the server can write a value that verifies, so
 * a browser sending the header gains nothing. It expires quickly, so a copy is of no use later.
 */
export { ON_BEHALF_HEADER } from './on-behalf-header';
const VALID_FOR_MS = 30_000;

export type Requester = {
  /** The address limits count against: see ./client-address.ts. */
  address: string;
  /** The learner id, only when the server issued it. */
  learnerId: string | undefined;
};

const signature = (payload: string, key: Buffer) =>
  createHmac('sha256', key).update(`on-behalf\u0000${payload}`).digest();

export function vouchFor(requester: Requester, key: Buffer, now = Date.now()): string {
  const payload = [requester.address, requester.learnerId ?? '-', now + VALID_FOR_MS].join(' ');
  return `${payload} ${signature(payload, key).toString('base64url')}`;
}

/** The requester a header vouches for, if the server signed it and it has not expired. */
export function vouchedRequester(value: string | null, key: Buffer, now = Date.now()): Requester | undefined {
  const parts = value?.split(' ') ?? [];
  if (parts.length !== 4) return undefined;
  const [address, learnerId, expiresAt, sent] = parts as [string, string, string, string];
  const given = Buffer.from(sent, 'base64url');
  const expected = signature(parts.slice(0, 3).join(' '), key);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  if (!(Number(expiresAt) > now)) return undefined;
  return { address, learnerId: learnerId === '-' ? undefined : learnerId };
}
