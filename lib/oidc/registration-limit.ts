import { errorResponse } from '../http/errors';
import { RegistrationLimit } from '../mastodon/registration-limit';
import { clientAddress } from '../http/client-address';
import { sharedWindowCounter } from '../http/window-counter';
import { tryAgainIn } from '../http/learner-throttle';

declare global {
  var playgroundClientRegistrationLimit: RegistrationLimit | undefined;
}

/**
 * Dynamic client registration (RFC 7591 section 3) is open to anyone, without an initial access token,
 * so that learners can create clients of every kind. Each registration is a stored client: one address
 * may register `limit` clients every 10 minutes (APP_REGISTRATION_LIMIT, as for Mastodon apps).
 * Answers the refusal to send, or undefined when the request may go on.
 */
export async function refuseOverRegistrationLimit(
  request: Request,
  registrationPath: string,
  limit: number,
): Promise<Response | undefined> {
  if (request.method !== 'POST' || new URL(request.url).pathname !== registrationPath) return undefined;
  // Counted through Redis when REDIS_URL is set, like the Mastodon apps' limit.
  globalThis.playgroundClientRegistrationLimit ??= new RegistrationLimit(
    limit,
    sharedWindowCounter('client-registration', 10 * 60 * 1000),
  );
  const verdict = await globalThis.playgroundClientRegistrationLimit.take(clientAddress(request.headers));
  if (verdict.allowed) return undefined;
  return errorResponse(
    429,
    'too_many_requests',
    `Too many clients registered from your address. ${tryAgainIn(verdict.retryAfterSeconds)}`,
    { 'retry-after': String(verdict.retryAfterSeconds) },
  );
}
