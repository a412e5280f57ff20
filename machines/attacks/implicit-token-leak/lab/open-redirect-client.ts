import 'server-only';
import type { PlaygroundEnv } from '../../../../lib/config/env';
import { errorResponse } from '../../../../lib/http/errors';
import { IMPLICIT_APP_CLIENT_ID, IMPLICIT_APP_PATH } from './implicit-app';
import { parseCookie } from 'cookie';

/**
 * DELIBERATELY VULNERABLE, lab only: the implicit app's two routes, with a bug common in real apps. Its
 * sign-in link takes a "return to" path and keeps it in a cookie; its redirect URI, once the browser is
 * back, forwards it there with a 303 without asking whether that path is the app's own (an open
 * redirector, RFC 9700 §4.11.1). A redirect whose Location has no fragment keeps the one the browser
 * came with (RFC 9110 §10.2.2): the tokens of the implicit flow travel on to wherever "return to" says.
 * In the lab the attacker's server lives on this origin, so only paths here are followed.
 */
const RETURN_TO_COOKIE = 'lab_implicit_return_to';
const DEFAULT_RETURN_TO = '/callback';

/** A path on this origin: not `//host`, not `/\host`, which browsers read as another host. */
const isLocalPath = (value: string) => /^\/(?![/\\])[^\s\\]*$/.test(value) && value.length <= 512;

function returnToOf(request: Request): string | undefined {
  // A value that is not validly %-encoded, or not a local path, is no return address.
  const value = parseCookie(request.headers.get('cookie') ?? '', {
    decode: (raw) => {
      try {
        return decodeURIComponent(raw);
      } catch {
        return undefined;
      }
    },
  })[RETURN_TO_COOKIE];
  return value !== undefined && isLocalPath(value) ? value : undefined;
}

const cookieAttributes = (env: PlaygroundEnv) =>
  `Path=${IMPLICIT_APP_PATH}; HttpOnly; SameSite=Lax${env.publicOrigin.startsWith('https:') ? '; Secure' : ''}`;

/**
 * GET /attacks/implicit-app/sign-in?return_to=…&<authorization request>: remembers return_to (the bug:
 * anyone's link may set it) and sends the browser to the authorization endpoint, for this app only.
 */
export function implicitAppSignIn(request: Request, env: PlaygroundEnv): Response {
  const query = new URL(request.url).searchParams;
  const returnTo = query.get('return_to') ?? DEFAULT_RETURN_TO;
  if (!isLocalPath(returnTo))
    return errorResponse(
      400,
      'invalid_request',
      'return_to must be a path on this playground, such as /callback.',
    );
  if (query.get('client_id') !== IMPLICIT_APP_CLIENT_ID)
    return errorResponse(
      400,
      'invalid_request',
      `This sign-in link is the lab implicit app’s: client_id must be ${IMPLICIT_APP_CLIENT_ID}.`,
    );
  query.delete('return_to');
  const authorize = new URL(`/oidc/auth?${query}`, env.publicOrigin);
  const headers = new Headers({ location: authorize.href, 'cache-control': 'no-store' });
  headers.append(
    'set-cookie',
    `${RETURN_TO_COOKIE}=${encodeURIComponent(returnTo)}; Max-Age=600; ${cookieAttributes(env)}`,
  );
  return new Response(null, { status: 303, headers });
}

/**
 * GET /attacks/implicit-app/callback: the app's redirect URI. It trusts the remembered return_to and
 * forwards the browser there; the query it received (a code, in the code flow) is not carried over.
 */
export function implicitAppCallback(request: Request, env: PlaygroundEnv): Response {
  const target = new URL(returnToOf(request) ?? DEFAULT_RETURN_TO, env.publicOrigin);
  const headers = new Headers({ location: target.href, 'cache-control': 'no-store' });
  headers.append('set-cookie', `${RETURN_TO_COOKIE}=; Max-Age=0; ${cookieAttributes(env)}`);
  return new Response(null, { status: 303, headers });
}
