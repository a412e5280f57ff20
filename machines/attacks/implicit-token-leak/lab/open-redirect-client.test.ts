import { describe, expect, it } from 'vitest';
import { readEnv } from '../../../../lib/config/env';
import { implicitAppCallback, implicitAppSignIn } from './open-redirect-client';
import { receiveCaughtToken, tokenCatcherPage, tokenCatcherScript } from './token-catcher';

const ORIGIN = 'http://localhost:3999';
const env = readEnv({ PUBLIC_ORIGIN: ORIGIN });
const signIn = (params: Record<string, string>) =>
  implicitAppSignIn(
    new Request(`${ORIGIN}/attacks/implicit-app/sign-in?${new URLSearchParams(params)}`),
    env,
  );
const cookieOf = (response: Response) => response.headers.getSetCookie()[0]!.split(';')[0]!;

describe('the lab implicit app’s open redirect (deliberately vulnerable, RFC 9700 §4.11.1)', () => {
  it('keeps any return_to its sign-in link carries and sends the browser to the authorization endpoint', () => {
    const response = signIn({
      return_to: '/attacks/attacker/token-catcher',
      client_id: 'lab-implicit-open-redirect',
      response_type: 'id_token token',
      nonce: 'n-1',
    });
    expect(response.status).toBe(303);
    const authorize = new URL(response.headers.get('location')!);
    expect(authorize.origin + authorize.pathname).toBe(`${ORIGIN}/oidc/auth`);
    expect(authorize.searchParams.has('return_to')).toBe(false);
    expect(authorize.searchParams.get('response_type')).toBe('id_token token');
    expect(cookieOf(response)).toBe(
      `lab_implicit_return_to=${encodeURIComponent('/attacks/attacker/token-catcher')}`,
    );
    expect(response.headers.getSetCookie()[0]).toMatch(
      /Path=\/attacks\/implicit-app; HttpOnly; SameSite=Lax/,
    );
  });

  it('forwards the browser from its redirect URI to the kept return_to with a Location without fragment or query', () => {
    const response = implicitAppCallback(
      new Request(`${ORIGIN}/attacks/implicit-app/callback?code=c-1&state=s-1`, {
        headers: {
          cookie: `lab_implicit_return_to=${encodeURIComponent('/attacks/attacker/token-catcher')}`,
        },
      }),
      env,
    );
    expect(response.status).toBe(303);
    // No fragment in Location: the browser keeps the one it arrived with (RFC 9110 §10.2.2); the query is dropped.
    expect(response.headers.get('location')).toBe(`${ORIGIN}/attacks/attacker/token-catcher`);
    expect(response.headers.getSetCookie()[0]).toMatch(/^lab_implicit_return_to=; Max-Age=0/);
  });

  it('returns to the playground’s /callback when no return_to was kept', () => {
    const response = implicitAppCallback(new Request(`${ORIGIN}/attacks/implicit-app/callback`), env);
    expect(response.headers.get('location')).toBe(`${ORIGIN}/callback`);
  });

  it('follows only paths on this playground, and only for the lab app', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example/', '/\\evil.example/'])
      expect(
        (await signIn({ return_to: returnTo, client_id: 'lab-implicit-open-redirect' }).json()) as unknown,
      ).toEqual({
        error: 'invalid_request',
        error_description: 'return_to must be a path on this playground, such as /callback.',
      });
    const walkthrough = signIn({ return_to: '/callback', client_id: 'playground-implicit' });
    expect(walkthrough.status).toBe(400);
    expect(((await walkthrough.json()) as { error_description: string }).error_description).toMatch(
      /client_id must be lab-implicit-open-redirect/,
    );
  });
});

describe('the attacker’s page that reads the fragment (lab only)', () => {
  it('is a page of this origin that runs its script from this origin and posts what the fragment holds', async () => {
    const html = await tokenCatcherPage().text();
    expect(html).toContain('<script src="/attacks/attacker/token-catcher/script"></script>');
    expect(html).not.toMatch(/<script>/);
    const script = tokenCatcherScript();
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const source = await script.text();
    expect(source).toContain('location.hash');
    expect(source).toContain('fetch("/api/attacker/token-catcher"');
  });

  it('keeps loot per learner: a post without a learner is refused with 401', async () => {
    const response = await receiveCaughtToken(
      new Request(`${ORIGIN}/api/attacker/token-catcher`, { method: 'POST', body: 'access_token=at-1' }),
    );
    expect(response.status).toBe(401);
  });
});
