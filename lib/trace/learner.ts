import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseCookie } from 'cookie';

/**
 * A learner is a browser, known by an unguessable id in an HttpOnly, SameSite cookie set on the first
 * page visit. Only requests carrying that cookie can read the learner's trace.
 *
 * The cookie holds the id and an HMAC of it under the learner key (./learner-key.ts), so only ids
 * this server issued count: a made-up or altered cookie is no learner at all, gets a fresh id on
 * the next page, and nothing is ever recorded under it. Over https the cookie is `__Host-` prefixed,
 * so no other host, path or plain-http page can plant one.
 */
export const LEARNER_COOKIE = 'playground_learner';
export const SECURE_LEARNER_COOKIE = `__Host-${LEARNER_COOKIE}`;
const LEARNER_ID = /^[A-Za-z0-9_-]{22}$/;
export const LEARNER_COOKIE_MAX_AGE = 30 * 24 * 60 * 60;

export const newLearnerId = (): string => randomBytes(16).toString('base64url');

export const isLearnerId = (value: unknown): value is string =>
  typeof value === 'string' && LEARNER_ID.test(value);

// 128 bits of HMAC-SHA256 are plenty against forgery and keep the cookie short.
const signature = (learnerId: string, key: Buffer) =>
  createHmac('sha256', key).update(`learner\u0000${learnerId}`).digest().subarray(0, 16);

/** The cookie value for a learner id: `<id>.<signature>`. */
export const signLearnerId = (learnerId: string, key: Buffer): string =>
  `${learnerId}.${signature(learnerId, key).toString('base64url')}`;

/** The learner id a cookie value carries, if this server signed it. */
export function verifyLearnerCookie(value: string | undefined, key: Buffer): string | undefined {
  const [learnerId, sent, ...rest] = (value ?? '').split('.');
  if (rest.length || !isLearnerId(learnerId) || !sent) return undefined;
  const given = Buffer.from(sent, 'base64url');
  const expected = signature(learnerId, key);
  return given.length === expected.length && timingSafeEqual(given, expected) ? learnerId : undefined;
}

export const learnerCookieName = (secure: boolean) => (secure ? SECURE_LEARNER_COOKIE : LEARNER_COOKIE);

export const isLearnerCookieName = (name: string) =>
  name === LEARNER_COOKIE || name === SECURE_LEARNER_COOKIE;

/** The learner id from a Cookie header, if it carries one this server signed. */
export function learnerIdFromCookieHeader(
  cookieHeader: string | null | undefined,
  key: Buffer,
): string | undefined {
  if (!cookieHeader) return undefined;
  // A value that does not verify is passed over for a later cookie of the same name (a stale one, say).
  const cookies = parseCookie(cookieHeader, { decode: (value) => verifyLearnerCookie(value, key) });
  return cookies[LEARNER_COOKIE] ?? cookies[SECURE_LEARNER_COOKIE];
}

/**
 * The learner cookie a Cookie header carries, as `name=value`, if this server signed it: what a command
 * run from the learner's terminal must send to land in the learner's trace ("Copy as curl").
 */
export function learnerCookiePair(cookieHeader: string | null | undefined, key: Buffer): string | undefined {
  if (!cookieHeader) return undefined;
  const cookies = parseCookie(cookieHeader, {
    decode: (value) => (verifyLearnerCookie(value, key) ? value : undefined),
  });
  for (const name of [LEARNER_COOKIE, SECURE_LEARNER_COOKIE]) {
    const value = cookies[name];
    if (value) return `${name}=${value}`;
  }
  return undefined;
}

export function learnerCookieAttributes(secure: boolean) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
    path: '/',
    maxAge: LEARNER_COOKIE_MAX_AGE,
  };
}
