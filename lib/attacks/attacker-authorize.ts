import type { PlaygroundEnv } from '../config/env';
import { fetchOverLoopback } from '../client/loopback-fetch';
import { onBehalfOf } from '../http/requester';
import { FROM_HEADER } from '../trace/roles';
import { RUN_HEADER, runOf } from '../trace/run';
import { ATTACKER, PARTY_HEADER } from './party';

/** The attacker's own account at the authorization server (a demo account, documented). */
export const ATTACKER_LOGIN = { username: 'bob', password: 'builder' } as const;

const MAX_HOPS = 10;

export type AttackerAuthorization =
  { ok: true; code: string; hops: number } | { ok: false; error: string; error_description: string };

/** A cookie jar of one: the attacker's own browser session at the authorization server. */
class Jar {
  readonly #cookies = new Map<string, string>();
  take(response: Response) {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      if (at > 0) this.#cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
  }
  header() {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * The first half of a login CSRF (RFC 9700 §4.7): the attacker, in its own session, signs in as itself
 * (bob) and consents for the victim's client, then stops at the redirect: the code for bob is not
 * redeemed but kept, to be pushed into the victim's browser. Every request is a real one to the
 * playground's authorization server, recorded as the attacker's.
 */
export async function authorizeAsAttacker(
  request: Request,
  env: PlaygroundEnv,
  clientId: string,
  redirectUri: string,
): Promise<AttackerAuthorization> {
  const jar = new Jar();
  const base: Record<string, string> = {
    [FROM_HEADER]: 'client',
    [PARTY_HEADER]: ATTACKER,
    ...(await onBehalfOf(request.headers)),
  };
  const run = runOf(request.headers);
  if (run) base[RUN_HEADER] = run;
  const send = async (method: 'GET' | 'POST', path: string, form?: Record<string, string>) => {
    const response = await fetchOverLoopback(env.internalOrigin, env.publicOrigin, path, {
      method,
      headers: {
        ...base,
        cookie: jar.header(),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? new URLSearchParams(form) : undefined,
    });
    jar.take(response);
    return response;
  };

  const query = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: 'openid profile',
  });
  let response = await send('GET', `/oidc/auth?${query}`);
  let signedIn = false;
  for (let hop = 1; hop <= MAX_HOPS; hop++) {
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location)
      return {
        ok: false,
        error: 'attacker_flow_failed',
        error_description: `The authorization server answered the attacker ${response.status} without a redirect.`,
      };
    const target = new URL(location, env.publicOrigin);
    if (target.href.startsWith(`${redirectUri}?`)) {
      const code = target.searchParams.get('code');
      if (code) return { ok: true, code, hops: hop };
      return {
        ok: false,
        error: target.searchParams.get('error') ?? 'attacker_flow_failed',
        error_description:
          target.searchParams.get('error_description') ?? 'No code came back to the attacker.',
      };
    }
    if (target.origin !== new URL(env.publicOrigin).origin)
      return {
        ok: false,
        error: 'attacker_flow_failed',
        error_description: `Redirected away, to ${target.origin}.`,
      };
    const path = `${target.pathname}${target.search}`;
    const interaction = /^\/interaction\/[^/?]+$/.test(target.pathname);
    if (!interaction) response = await send('GET', path);
    else if (!signedIn) {
      signedIn = true;
      response = await send('POST', `${target.pathname}/login`, { ...ATTACKER_LOGIN });
    } else response = await send('POST', `${target.pathname}/confirm`, {});
  }
  return { ok: false, error: 'attacker_flow_failed', error_description: `More than ${MAX_HOPS} redirects.` };
}
