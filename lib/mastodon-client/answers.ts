import { errorResponseOf } from '../walkthrough/response-bodies';
import type { ExchangeResult, OAuthError } from '../walkthrough/types';

/**
 * Reading a Mastodon instance's answers in the browser: JSON or not, its errors verbatim, a 429's wait,
 * and a plain explanation when the server is not Mastodon-compatible at all.
 */
const header = (result: ExchangeResult, name: string) =>
  Object.entries(result.headers).find(([key]) => key.toLowerCase() === name)?.[1];

export const isJsonObject = (
  result: ExchangeResult,
): result is ExchangeResult & { body: Record<string, unknown> } =>
  /json/i.test(header(result, 'content-type') ?? '') &&
  typeof result.body === 'object' &&
  result.body !== null;

/** Seconds until the instance takes requests again: Retry-After, or Mastodon's X-RateLimit-Reset. */
export function retryAfterSeconds(result: ExchangeResult, now = Date.now()): number | undefined {
  const retryAfter = header(result, 'retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - now) / 1000));
  }
  const reset = header(result, 'x-ratelimit-reset');
  if (reset && !Number.isNaN(Date.parse(reset)))
    return Math.max(0, Math.ceil((Date.parse(reset) - now) / 1000));
  return undefined;
}

const kindOf = (result: ExchangeResult) => {
  const type = header(result, 'content-type') ?? '';
  if (/html/i.test(type) || (typeof result.body === 'string' && /^\s*</.test(result.body)))
    return 'an HTML page';
  return type ? `“${type.split(';')[0]}”` : 'a body of no stated type';
};

/** The server answered, but not like Mastodon (an HTML page, a 404 where Mastodon has an API). */
export const notMastodon = (result: ExchangeResult, what: string): OAuthError => ({
  error: 'not_mastodon',
  error_description: `${what} answered ${result.status} with ${kindOf(result)}, not Mastodon's JSON. This does not look like a Mastodon-compatible server: check the address (the instance's own domain, such as mastodon.social).`,
  status: result.status,
});

/** Any refusal from the instance: its own JSON error as it is, a 429 with the wait, or not Mastodon. */
export function instanceError(result: ExchangeResult, what: string): OAuthError {
  if (result.status === 429) {
    const seconds = retryAfterSeconds(result);
    return {
      error: 'rate_limited',
      error_description: `The instance is limiting requests (429 Too Many Requests). ${
        seconds === undefined ? 'Wait a few minutes' : `Try again in ${seconds} seconds`
      }, then press Try again.${isJsonObject(result) && typeof result.body.error === 'string' ? ` It said: ${result.body.error}` : ''}`,
      status: 429,
    };
  }
  if (!isJsonObject(result)) return notMastodon(result, what);
  const { error, error_description } = errorResponseOf(result.body);
  return {
    error: error ?? `http_${result.status}`,
    ...(error_description !== undefined ? { error_description } : {}),
    status: result.status,
  };
}

/** Version strings like "4.3.0", "4.2.10+glitch", "3.0.0 (compatible; Pleroma 2.5.0)". */
export function parseVersion(version: string | undefined): [number, number, number] | undefined {
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(version ?? '');
  return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : undefined;
}

/** What software answers: Mastodon, or what a compatible server names in its version. */
export function softwareOf(version: string | undefined): string {
  const compatible = /\(compatible;\s*([^)]+)\)/.exec(version ?? '');
  return compatible ? compatible[1]!.trim() : 'Mastodon';
}
