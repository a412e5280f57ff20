import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SERVER_COMPOSITION } from '../app/composition';
import { expect, test } from './fixtures';
import { client, configure } from './support/oidc-client';
import { ISSUER, ORIGIN } from './support/origin';

const CALLBACK = `${ORIGIN}/callback`;

async function startAuthorization(page: Page, prompt = 'consent') {
  const config = await configure('playground-web', { secret: 'playground-web-secret' });
  const code_verifier = client.randomPKCECodeVerifier();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: 'openid profile email offline_access',
    code_challenge: await client.calculatePKCECodeChallenge(code_verifier),
    code_challenge_method: 'S256',
    state: 'pages-state',
    prompt,
  });
  await page.goto(String(url));
}

async function expectNoSeriousAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the login page is clearly the authorization server’s, and a wrong password is explained on it', async ({
  page,
  authorizationServer,
}) => {
  await startAuthorization(page);
  await expect(authorizationServer.banner).toBeVisible();
  await expect(authorizationServer.heading).toHaveText('Sign in');
  await expect(page.getByText('Playground Web App (confidential)')).toBeVisible();
  await authorizationServer.signIn('alice', 'through-the-looking-glass');
  await expect(authorizationServer.alert).toHaveText('Wrong username or password.');
  await expect(authorizationServer.username).toHaveValue('alice');
  await authorizationServer.signIn('alice', 'wonderland');
  await expect(authorizationServer.heading).toHaveText('Authorize Playground Web App (confidential)');
});

test('the consent page names the client and lists each scope in plain words', async ({
  page,
  authorizationServer,
}) => {
  await startAuthorization(page);
  await authorizationServer.signIn('bob', 'builder');
  const list = page.getByRole('list').filter({ hasText: 'scope openid' });
  await expect(list.getByRole('listitem')).toHaveText([
    /Sign you in.*scope openid/,
    /See your name.*scope profile/,
    /See your email address.*scope email/,
    /Keep access when you are not using it.*scope offline_access/,
  ]);
  await expect(authorizationServer.allowButton).toBeVisible();
  await expect(authorizationServer.denyButton).toBeVisible();
});

test('repeated wrong passwords for one account are slowed down with a clear message', async ({
  page,
  authorizationServer,
}) => {
  await startAuthorization(page);
  for (let attempt = 1; attempt <= 5; attempt++) {
    await authorizationServer.signIn('mallory', `guess-${attempt}`);
    await expect(authorizationServer.alert).toHaveText('Wrong username or password.');
  }
  await authorizationServer.signIn('mallory', 'guess-6');
  await expect(authorizationServer.alert).toHaveText(
    /Too many failed sign-ins for this account from this browser\. Try again in \d+ minutes\./,
  );
  // Another account from the same address is not affected.
  await authorizationServer.signIn('alice', 'wonderland');
  await expect(authorizationServer.allowButton).toBeVisible();
});

test('the login works with the keyboard alone', async ({ page, authorizationServer }) => {
  await startAuthorization(page);
  await expect(authorizationServer.username).toBeFocused();
  await page.keyboard.type('alice');
  await page.keyboard.press('Tab');
  await page.keyboard.type('wonderland');
  await page.keyboard.press('Enter');
  await expect(authorizationServer.allowButton).toBeVisible();
  await authorizationServer.allowButton.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.href.startsWith(CALLBACK));
  expect(new URL(page.url()).searchParams.get('code')).toBeTruthy();
});

test('an ended or unknown interaction says so instead of failing', async ({ page }) => {
  await page.goto('/interaction/not-a-real-interaction');
  await expect(page.getByRole('heading', { name: 'This sign-in request has ended' })).toBeVisible();
  const post = await page.request.post('/interaction/not-a-real-interaction/login', {
    form: { username: 'alice', password: 'wonderland' },
    maxRedirects: 0,
  });
  expect(post.status()).toBe(303);
  expect(post.headers().location).toBe('/interaction/not-a-real-interaction');
});

test('a bad authorization request gets the styled error page, never a stack trace', async ({ page }) => {
  const response = await page.goto(`${ISSUER}/auth?client_id=no-such-client&response_type=code&scope=openid`);
  expect(response!.status()).toBe(400);
  await expect(
    page.getByRole('heading', { name: 'The authorization server refused this request' }),
  ).toBeVisible();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('invalid_client');
  await expect(page.locator('body')).not.toContainText(/at \w+ \(.*:\d+:\d+\)/);
});

test('malformed requests to /oidc get OAuth error JSON', async ({ request }) => {
  const notJson = await request.post(`${ISSUER}/reg`, {
    headers: { 'content-type': 'application/json' },
    data: '{broken',
  });
  expect(notJson.status()).toBe(400);
  expect(await notJson.json()).toMatchObject({ error: 'invalid_request' });
  const wrongType = await request.post(`${ISSUER}/token`, {
    headers: { 'content-type': 'application/json' },
    data: '{}',
  });
  expect(wrongType.status()).toBe(400);
  expect(await wrongType.json()).toMatchObject({ error: 'invalid_request' });
  const unknown = await request.get(`${ISSUER}/no-such-endpoint`);
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({
    error: 'not_found',
    error_description: expect.stringContaining('/oidc/.well-known/openid-configuration'),
  });
  const badGrant = await request.post(`${ISSUER}/token`, {
    form: { grant_type: 'made_up' },
    headers: { authorization: 'Basic cGxheWdyb3VuZC1zZXJ2aWNlOnBsYXlncm91bmQtc2VydmljZS1zZWNyZXQ=' },
  });
  expect(badGrant.status()).toBe(400);
  expect(await badGrant.json()).toMatchObject({ error: 'unsupported_grant_type' });
});

test('a device sign-in link that is no longer valid says so, with or without a session', async ({
  page,
  request,
}) => {
  // The code form posted from a client with no session at all (no cookies).
  const posted = await request.post(`${ISSUER}/device`, { form: { user_code: 'BCDF-GHJK', xsrf: 'x' } });
  expect(posted.status()).toBe(400);
  expect(await posted.text()).toContain(
    'This code form is no longer valid: it has expired or was opened in another browser.',
  );

  // A browser with no session at the authorization server (oidc-provider alone answers a bare 500).
  const fresh = await page.goto(`${ISSUER}/device/not-a-real-interaction`);
  expect(fresh!.status()).toBe(400);
  await expect(page.getByRole('alert')).toHaveText(
    'This device sign-in link is no longer valid: it has expired or was opened in another browser.',
  );
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('link', { name: 'Enter the code from your device' }).click();
  await expect(page).toHaveURL(`${ISSUER}/device`);
  await expect(page.getByLabel('Code')).toBeVisible();

  // Now that the code page has given this browser a session, the same link offers the form at once.
  const again = await page.goto(`${ISSUER}/device/not-a-real-interaction`);
  expect(again!.status()).toBe(400);
  await expect(page.getByRole('alert')).toHaveText(
    'The sign-in was interrupted or failed. Start again from the device.',
  );
  await expect(page.getByLabel('Code')).toBeVisible();
});

test('an address with a malformed percent-encoding is a clear 400, never a 500', async ({
  page,
  request,
}) => {
  for (const path of ['/oidc/%ZZ', '/api/rooms/%ZZ/step', '/api/v1/statuses/%E0%A4']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect(await response.json(), path).toMatchObject({
      error: 'invalid_request',
      error_description: expect.stringContaining('malformed percent-encoding'),
    });
  }
  for (const path of ['/grants/%ZZ', '/join/%FF']) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(400);
    await expect(page.getByRole('heading', { name: 'Bad address' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Go to the playground’s home page' })).toBeVisible();
  }
  // A well-formed escape still reaches its route.
  expect((await request.get('/join/ABCD%25')).status()).toBe(200);
});

test('pages carry security headers and cookies are HttpOnly and SameSite', async ({ page, context }) => {
  const home = await page.goto('/');
  const headers = home!.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("object-src 'none'");
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-content-type-options']).toBe('nosniff');
  await startAuthorization(page);
  const cookies = await context.cookies();
  const names = cookies.map((c) => c.name);
  expect(names).toEqual(expect.arrayContaining(['playground_learner', '_interaction']));
  for (const cookie of cookies) {
    expect(cookie.httpOnly, cookie.name).toBe(true);
    expect(cookie.sameSite, cookie.name).toBe('Lax');
  }
});

test('the home page links the discovery document and lists demo accounts and clients', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Learn OAuth 2.0 by doing it for real');
  await expect(page.getByRole('link', { name: 'OpenID Connect discovery document' })).toHaveAttribute(
    'href',
    '/oidc/.well-known/openid-configuration',
  );
  const guide = page.getByRole('region', { name: 'Which grant should I use?' });
  await expect(
    guide.getByRole('rowheader', { name: 'Single-page app (JavaScript in the browser)' }),
  ).toBeVisible();
  await expect(guide.getByRole('row', { name: /TV, console or CLI/ })).toContainText('RFC 8628');
  await page.getByRole('link', { name: 'Authorization code with PKCE', exact: true }).click();
  await expect(page).toHaveURL(/\/grants\/authorization-code-pkce$/);
  await page.goto('/');
  const accounts = page.getByRole('region', { name: 'Demo accounts' });
  await expect(accounts.getByRole('row', { name: /alice wonderland/ })).toBeVisible();
  await expect(accounts.getByRole('row', { name: /bob builder/ })).toBeVisible();
  const clients = page.getByRole('region', { name: 'Demo clients' });
  for (const { client_id } of SERVER_COMPOSITION.demoClients) {
    await expect(clients.getByRole('cell', { name: client_id, exact: true })).toBeVisible();
  }
});

test('the pages pass an axe scan with no serious or critical violations', async ({
  page,
  authorizationServer,
}) => {
  await page.goto('/');
  await expectNoSeriousAxeViolations(page);
  await startAuthorization(page);
  await expectNoSeriousAxeViolations(page);
  await authorizationServer.signIn('alice', 'wrong');
  await expectNoSeriousAxeViolations(page);
  await authorizationServer.signIn('alice', 'wonderland');
  await expectNoSeriousAxeViolations(page);
  await authorizationServer.allow();
  await page.waitForURL((url) => url.href.startsWith(CALLBACK));
  await expectNoSeriousAxeViolations(page);
  await page.goto(`${ISSUER}/device`);
  await expectNoSeriousAxeViolations(page);
  await page.goto(`${ISSUER}/auth?client_id=no-such-client`);
  await expectNoSeriousAxeViolations(page);
  await page.goto('/grants/%ZZ');
  await expectNoSeriousAxeViolations(page);
});
