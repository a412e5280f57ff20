import { randomBytes } from 'node:crypto';

/**
 * A learner is a browser, known by an unguessable id in an HttpOnly, SameSite cookie set on the first
 * page visit. Only requests carrying that cookie can read the learner's trace.
 */
export const LEARNER_COOKIE = 'playground_learner';
const LEARNER_ID = /^[A-Za-z0-9_-]{22}$/;
export const LEARNER_COOKIE_MAX_AGE = 30 * 24 * 60 * 60;

export const newLearnerId = (): string => randomBytes(16).toString('base64url');

export const isLearnerId = (value: unknown): value is string =>
  typeof value === 'string' && LEARNER_ID.test(value);

/** The learner id from a Cookie header, if it carries a well-formed one. */
export function learnerIdFromCookieHeader(cookieHeader: string | null | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === LEARNER_COOKIE) {
      const value = rest.join('=');
      return isLearnerId(value) ? value : undefined;
    }
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
