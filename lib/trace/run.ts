import { parseCookie } from 'cookie';
/**
 * Which walkthrough run an exchange belongs to, when several run at once (the compare page). Requests a
 * run sends itself carry the `x-playground-run` header; front-channel navigations cannot carry headers,
 * so a run sets the `playground_run` cookie before it sends the browser to the authorization server.
 */
export const RUN_HEADER = 'x-playground-run';
export const RUN_COOKIE = 'playground_run';
const RUN_ID = /^[A-Za-z0-9_-]{8,64}$/;

export function runOf(headers: Headers): string | undefined {
  const declared = headers.get(RUN_HEADER);
  if (declared && RUN_ID.test(declared)) return declared;
  const value = parseCookie(headers.get('cookie') ?? '', { decode: (raw) => raw })[RUN_COOKIE];
  return value && RUN_ID.test(value) ? value : undefined;
}
