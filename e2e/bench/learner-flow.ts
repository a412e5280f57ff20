import { createHash, randomBytes } from 'node:crypto';

/**
 * One learner of a class, without a browser: opens the home page, then runs authorization code with
 * PKCE (RFC 7636) as the walkthrough does, posting the sign-in and consent forms as a browser would
 * and following each redirect by hand, with its own cookies. Every request is timed under the name of
 * the endpoint it reaches.
 */
export type Timing = { endpoint: string; ms: number };
export type FlowResult = { timings: Timing[]; error?: string };

const CLIENT_ID = 'playground-spa';
const SCOPE = 'openid profile read';
const base64url = (bytes: Buffer) => bytes.toString('base64url');

/** Cookies by name and path, sent where the path matches, as a browser would (RFC 6265 §5.1.4). */
class CookieJar {
  private readonly cookies = new Map<string, { name: string; value: string; path: string }>();
  store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...rest] = pair!.trim().split('=');
      const path =
        attributes
          .map((a) => a.trim())
          .find((a) => a.toLowerCase().startsWith('path='))
          ?.slice(5) ?? '/';
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      const key = `${name}@${path}`;
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, { name: name!, value: rest.join('='), path });
    }
  }
  header(pathname: string): string {
    return [...this.cookies.values()]
      .filter((c) => pathname === c.path || pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}

export async function runLearnerFlow(origin: string): Promise<FlowResult> {
  const timings: Timing[] = [];
  const jar = new CookieJar();
  const run = base64url(randomBytes(9));

  async function request(endpoint: string, url: string, init: RequestInit, expected: number[]) {
    const target = new URL(url, origin);
    const headers = new Headers(init.headers);
    const cookie = jar.header(target.pathname);
    if (cookie) headers.set('cookie', cookie);
    const started = performance.now();
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    const body = await response.text();
    timings.push({ endpoint, ms: performance.now() - started });
    jar.store(response);
    if (!expected.includes(response.status)) {
      throw new Error(`${endpoint}: ${response.status} ${body.slice(0, 200)}`);
    }
    return { response, body, location: response.headers.get('location') ?? '' };
  }
  const page = (endpoint: string, url: string) => request(endpoint, url, {}, [200]);
  const redirect = (endpoint: string, url: string, init: RequestInit = {}) =>
    request(endpoint, url, init, [302, 303]).then((r) => r.location);
  const form = (fields: Record<string, string>): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams(fields),
  });

  try {
    await page('home page', '/');
    const code_verifier = base64url(randomBytes(32));
    const state = base64url(randomBytes(16));
    const redirect_uri = `${origin}/callback`;
    const authorize = `/oidc/auth?${new URLSearchParams({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri,
      scope: SCOPE,
      state,
      nonce: base64url(randomBytes(16)),
      code_challenge: base64url(createHash('sha256').update(code_verifier).digest()),
      code_challenge_method: 'S256',
    })}`;
    const signIn = await redirect('authorize', authorize);
    await page('sign-in page', signIn);
    const resume = await redirect(
      'sign-in form',
      `${signIn}/login`,
      form({ username: 'alice', password: 'wonderland' }),
    );
    const consent = await redirect('authorize (resume)', resume);
    await page('consent page', consent);
    const resumed = await redirect('consent form', `${consent}/confirm`, form({}));
    const callback = await redirect('authorize (resume)', resumed);
    const returned = new URL(callback, origin);
    if (returned.searchParams.get('state') !== state) throw new Error(`callback: wrong state in ${callback}`);
    await page('callback page', callback);
    const browser = { origin, 'x-playground-run': run };
    const token = await request(
      'token',
      '/oidc/token',
      {
        ...form({
          grant_type: 'authorization_code',
          client_id: CLIENT_ID,
          code: returned.searchParams.get('code') ?? '',
          redirect_uri,
          code_verifier,
        }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...browser },
      },
      [200],
    );
    const bearer = { ...browser, authorization: `Bearer ${JSON.parse(token.body).access_token}` };
    await request('userinfo', '/oidc/me', { headers: bearer }, [200]);
    await request(
      'API call (verify_credentials)',
      '/api/v1/accounts/verify_credentials',
      { headers: bearer },
      [200],
    );
    return { timings };
  } catch (error) {
    return { timings, error: error instanceof Error ? error.message : String(error) };
  }
}
