import AxeBuilder from '@axe-core/playwright';
import { GRANTS } from '../machines/registry';
import { expect, test } from './fixtures';
import { approveDeviceOnSecondScreen } from './flows/device';
import { pressOn } from './flows/keyboard';
import { AuthorizationServerPage } from './pages/authorization-server-page';
import { WalkthroughPage } from './pages/walkthrough-page';
import { ORIGIN } from './support/origin';

// Each grant completed for real as alice, in Chromium, against the production build.

const FRONT_CHANNEL_CODE_FLOW = [
  'GET /oidc/auth 303',
  'GET /interaction/:uid 200',
  'POST /interaction/:uid/login 303',
  'GET /oidc/auth/:uid 303',
  'GET /interaction/:uid 200',
  'POST /interaction/:uid/confirm 303',
  'GET /oidc/auth/:uid 303',
];

async function signInAndAllow(walkthrough: WalkthroughPage) {
  const as = new AuthorizationServerPage(walkthrough.page);
  await expect(as.heading).toHaveText('Sign in');
  await as.signIn('alice', 'wonderland');
  await as.allow();
  await walkthrough.page.waitForURL(/\/grants\//);
}

async function finish(walkthrough: WalkthroughPage) {
  for (let i = 0; i < 20 && !(await walkthrough.flowComplete.isVisible()); i++) await walkthrough.next();
  await expect(walkthrough.flowComplete).toBeVisible();
}

async function expectCallbackChecked(walkthrough: WalkthroughPage) {
  const callback = walkthrough.page
    .getByRole('definition')
    .filter({ hasText: 'Matches what the client sent: checked.' });
  await expect(callback).toBeVisible();
}

test('authorization code: code in the front channel, redeemed by the client backend, then the APIs', async ({
  page,
}) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('authorization-code');
  // The confidential client sends PKCE too, and its step says why (RFC 9700).
  await expect(page.locator('pre').first()).toContainText('code_challenge_method=S256');
  await expect(walkthrough.card).toContainText('RFC 9700 recommends PKCE for confidential clients');
  await walkthrough.next();
  await signInAndAllow(walkthrough);
  await expectCallbackChecked(walkthrough);
  await finish(walkthrough);
  await expect(walkthrough.token('Access token')).toBeVisible();
  await expect(walkthrough.token('Refresh token')).toBeVisible();
  await expect(walkthrough.token('ID token')).toContainText('verified with the authorization server’s key');
  await expect(walkthrough.token('ID token')).toContainText('alice');
  await expect
    .poll(() => walkthrough.logLines())
    .toEqual([
      ...FRONT_CHANNEL_CODE_FLOW,
      'POST /oidc/token 200',
      'GET /oidc/jwks 200',
      'GET /oidc/me 200',
      'POST /oidc/token/introspection 200',
      'GET /api/v1/accounts/verify_credentials 200',
      'POST /oidc/token/introspection 200',
      'POST /api/v1/statuses 200',
      'POST /oidc/token/revocation 200',
      'POST /oidc/token/introspection 200',
      'GET /api/v1/accounts/verify_credentials 401',
    ]);
  await expect(walkthrough.card.getByText('The access token is invalid')).toBeVisible();
  await expect(walkthrough.httpLog.locator('li summary').first()).toContainText(
    'browser → authorization server, front channel',
  );
  await expect(walkthrough.httpLog.locator('li summary').nth(7)).toContainText(
    'client → authorization server, back channel',
  );
});

test('authorization code with PKCE: the public client redeems the code from the browser with its verifier', async ({
  page,
}) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('authorization-code-pkce');
  await expect(page.locator('pre').first()).toContainText('code_challenge_method');
  await walkthrough.next();
  await signInAndAllow(walkthrough);
  await expectCallbackChecked(walkthrough);
  await finish(walkthrough);
  await expect(walkthrough.token('Access token')).toBeVisible();
  await expect(walkthrough.token('ID token')).toContainText('verified');
  const lines = await walkthrough.logLines();
  expect(lines.slice(0, 8)).toEqual([...FRONT_CHANNEL_CODE_FLOW, 'POST /oidc/token 200']);
  expect(lines).toContain('POST /api/v1/statuses 200');
});

test('implicit: id_token token arrive in the fragment, the nonce is checked, userinfo answers', async ({
  page,
}) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('implicit');
  await walkthrough.next();
  await signInAndAllow(walkthrough);
  await expectCallbackChecked(walkthrough);
  await expect(page.getByRole('term').filter({ hasText: 'access_token' })).toBeVisible();
  await finish(walkthrough);
  await expect(walkthrough.token('ID token')).toContainText('nonce');
  await expect(walkthrough.token('Access token')).toBeVisible();
  await expect
    .poll(() => walkthrough.logLines())
    .toEqual([...FRONT_CHANNEL_CODE_FLOW, 'GET /oidc/jwks 200', 'GET /oidc/me 200']);
});

test('client credentials: a JWT for the API, the app’s own record, and the refusal of a user-only endpoint', async ({
  page,
}) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('client-credentials');
  await page.getByLabel('resource', { exact: true }).fill(`${ORIGIN}/api`);
  await finish(walkthrough);
  await expect(walkthrough.token('Access token')).toContainText('JWT (at+jwt)');
  await expect(walkthrough.token('Access token')).toContainText('playground-service');
  await expect(walkthrough.card.getByText('This method requires an authenticated user')).toBeVisible();
  await expect
    .poll(() => walkthrough.logLines())
    .toEqual([
      'POST /oidc/token 200',
      'GET /oidc/jwks 200',
      'GET /api/v1/apps/verify_credentials 200',
      'GET /api/v1/accounts/verify_credentials 422',
    ]);
});

test('password: the app sends alice’s password; a wrong one is refused with invalid_grant', async ({
  page,
}) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('password');
  await page.getByLabel('password', { exact: true }).fill('not-her-password');
  await walkthrough.next();
  await expect(walkthrough.error).toContainText('invalid_grant');
  await expect(walkthrough.error).toContainText('invalid username or password');
  await walkthrough.error.getByRole('button', { name: 'Try again' }).click();
  await page.getByLabel('password', { exact: true }).fill('wonderland');
  await finish(walkthrough);
  await expect(walkthrough.token('Refresh token')).toBeVisible();
  await expect(walkthrough.token('ID token')).toContainText('verified');
  const lines = await walkthrough.logLines();
  expect(lines.slice(0, 2)).toEqual(['POST /oidc/token 400', 'POST /oidc/token 200']);
  expect(lines).toContain('GET /oidc/me 200');
});

test('device code: the user code on a second screen, polling with authorization_pending, then tokens', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('device-code');
  await walkthrough.next();
  await walkthrough.next();
  const userCode = (await page.getByLabel('User code').innerText()).trim();
  expect(userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
  const link = page.getByRole('link', { name: 'Open the verification page (new tab)' });
  await expect(link).toHaveAttribute('target', '_blank');
  const verificationUri = await link.getAttribute('href');
  expect(verificationUri).toBe(`${ORIGIN}/oidc/device`);
  await walkthrough.next();
  await walkthrough.next();
  await expect(page.getByText(/Not approved yet\. Asking again in \d+ seconds/)).toBeVisible();

  // The "second device": another tab, as the link would open.
  await approveDeviceOnSecondScreen(context, verificationUri!, userCode);

  await expect(page.getByRole('heading', { name: 'The response: 200' })).toBeVisible({ timeout: 30_000 });
  await finish(walkthrough);
  await expect(walkthrough.token('Access token')).toBeVisible();
  await expect(walkthrough.token('Refresh token')).toBeVisible();
  const lines = await walkthrough.logLines();
  expect(lines[0]).toBe('POST /oidc/device/auth 200');
  expect(lines).toContain('POST /oidc/token 400');
  expect(lines.filter((line) => line === 'POST /oidc/token 200')).toHaveLength(1);
  expect(lines.at(-1)).toBe('GET /oidc/me 200');
});

test('refresh token: rotation, reuse refused, and the grant revoked', async ({ page }) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('refresh-token');
  await finish(walkthrough);
  await expect(walkthrough.token('Previous refresh token (rotated away)')).toBeVisible();
  await expect
    .poll(() => walkthrough.logLines())
    .toEqual([
      'POST /oidc/token 200',
      'GET /oidc/jwks 200',
      'POST /oidc/token 200',
      'POST /oidc/token 400',
      'POST /oidc/token 400',
    ]);
});

test('a forged callback whose state does not match is refused and nothing is exchanged', async ({ page }) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('authorization-code');
  await walkthrough.next();
  await expect(new AuthorizationServerPage(page).heading).toHaveText('Sign in');
  // An attacker's link that lands on the client's callback with their own code and state (CSRF).
  await page.goto(
    `/callback?code=attacker-code&state=forged-state&iss=${encodeURIComponent(`${ORIGIN}/oidc`)}`,
  );
  await page.waitForURL(/\/grants\/authorization-code/);
  await expect(walkthrough.error).toContainText('state_mismatch');
  await expect(walkthrough.error).toContainText('forged-state');
  const lines = await walkthrough.logLines();
  expect(lines).not.toContain('POST /oidc/token 200');
  expect(lines.filter((line) => line.startsWith('POST /oidc/token'))).toEqual([]);
});

test('Deny on the consent page comes back as access_denied, explained', async ({ page }) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('authorization-code');
  await walkthrough.next();
  const as = new AuthorizationServerPage(page);
  await as.signIn('alice', 'wonderland');
  await as.deny();
  await page.waitForURL(/\/grants\//);
  await expect(walkthrough.error).toContainText('access_denied');
  await expect(walkthrough.error).toContainText('refused the request');
});

test('Back and Restart: back to the previous step, restart with a fresh state', async ({ page }) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('password');
  await walkthrough.next();
  await walkthrough.next();
  await expect(walkthrough.stepTitle).toHaveText('Call the userinfo endpoint');
  await walkthrough.back.click();
  await expect(walkthrough.stepTitle).toHaveText('Send the user’s password to the token endpoint');
  await walkthrough.restart.click();
  await expect(walkthrough.stepTitle).toHaveText('Send the user’s password to the token endpoint');
  await expect(walkthrough.tokens).toContainText('The client holds no token yet.');
  await expect(walkthrough.httpLog).toContainText('No exchanges yet');
});

test('a grant completed with the keyboard alone (authorization code with PKCE)', async ({ page }) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('authorization-code-pkce');
  await pressOn(page, 'Next step');
  await expect(page.getByLabel('Username')).toBeFocused();
  await page.keyboard.type('alice');
  await page.keyboard.press('Tab');
  await page.keyboard.type('wonderland');
  await page.keyboard.press('Enter');
  await pressOn(page, 'Allow');
  await page.waitForURL(/\/grants\//);
  for (let i = 0; i < 20 && !(await walkthrough.flowComplete.isVisible()); i++) {
    const before = await walkthrough.card.getAttribute('data-progress');
    await pressOn(page, 'Next step');
    await expect(walkthrough.card).not.toHaveAttribute('data-progress', before!);
    await expect(walkthrough.nextStep.or(walkthrough.flowComplete).first()).toBeVisible();
    await expect(async () =>
      expect((await walkthrough.nextStep.isEnabled()) || (await walkthrough.flowComplete.isVisible())).toBe(
        true,
      ),
    ).toPass();
  }
  await expect(walkthrough.flowComplete).toBeVisible();
  await expect(walkthrough.token('Access token')).toBeVisible();
});

test('every grant page passes an axe scan with no serious or critical violations', async ({ page }) => {
  for (const { slug } of GRANTS) {
    const walkthrough = new WalkthroughPage(page);
    await walkthrough.goto(slug);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => `${slug}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }
  // And with tokens and exchanges on show.
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('password');
  await finish(walkthrough);
  await page
    .locator('li details')
    .first()
    .evaluate((details) => ((details as HTMLDetailsElement).open = true));
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(
    violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([]);
});

test('an unknown grant is a 404 page', async ({ page }) => {
  const response = await page.goto('/grants/no-such-grant');
  expect(response!.status()).toBe(404);
});
