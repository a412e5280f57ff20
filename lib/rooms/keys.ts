import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The instructor's key: 32 random bytes, kept by the hub only as a SHA-256 hash. */
export const newInstructorKey = () => randomBytes(32).toString('base64url');

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export function keyMatches(key: string, hash: string): boolean {
  const given = Buffer.from(hashKey(key), 'hex');
  const stored = Buffer.from(hash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
