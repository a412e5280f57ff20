import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ORIGIN } from './support/origin';
import { AuthorizationServerPage } from './pages/authorization-server-page';
import { WalkthroughPage } from './pages/walkthrough-page';

// The Content Security Policy allows no inline script as such: pages run on nonces (rendered per
// request) or on the hashes of the build's own scripts (prerendered pages), and they still work.

const scriptSrc = (policy: string | undefined) =>
  (policy ?? '').split(/;\s*/).find((directive) => directive.startsWith('script-src')) ?? '';

/** Every message Chromium logs when the policy blocks something on this page. */
function violations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

test('the prerendered home page runs its scripts by hash, with no unsafe-inline', async ({ page }) => {
  const blocked = violations(page);
  const response = await page.goto('/');
  const policy = response!.headers()['content-security-policy'];
  expect(scriptSrc(policy)).toMatch(/'sha256-/);
  expect(scriptSrc(policy)).not.toContain('unsafe-inline');
  // The browser filled in the origin: the page's scripts ran.
  await expect(page.getByRole('main')).toContainText(`${ORIGIN}/oidc`);
  expect(blocked).toEqual([]);
});

test('a walkthrough runs on its nonce, a fresh one per response, through sign-in and back to /callback', async ({
  page,
}) => {
  const blocked = violations(page);
  const first = await page.request.get('/grants/authorization-code');
  const second = await page.request.get('/grants/authorization-code');
  const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(scriptSrc(policy))?.[1];
  expect(nonceOf(first.headers()['content-security-policy'])).toBeTruthy();
  expect(nonceOf(first.headers()['content-security-policy'])).not.toBe(
    nonceOf(second.headers()['content-security-policy']),
  );
  expect(await first.text()).toContain(`nonce="${nonceOf(first.headers()['content-security-policy'])}"`);

  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('authorization-code');
  await walkthrough.nextStep.click();
  const as = new AuthorizationServerPage(page);
  await as.signIn('alice', 'wonderland');
  await as.allow();
  await page.waitForURL(/\/grants\/authorization-code$/);
  await expect(walkthrough.stepTitle).toHaveText('The code comes back to the redirect URI');
  expect(blocked).toEqual([]);
});

test('the sign-in page lets its form end at the client’s redirect URI, and runs its one script by hash', async ({
  page,
}) => {
  const blocked = violations(page);
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('authorization-code');
  const signInPage = page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname.startsWith('/interaction/') && response.request().method() === 'GET',
  );
  await walkthrough.nextStep.click();
  await expect(new AuthorizationServerPage(page).heading).toHaveText('Sign in');
  const policy = (await signInPage).headers()['content-security-policy'] ?? '';
  expect(policy.split(/;\s*/)).toContain(`form-action 'self' ${ORIGIN}`);
  expect(scriptSrc(policy)).toMatch(/^script-src 'self' 'sha256-[^']+'$/);
  expect(blocked).toEqual([]);
});

test('the APIs run nothing; HSTS only when the request came over https', async ({ request }) => {
  const plain = await request.get('/api/health');
  expect(plain.headers()['content-security-policy']).toContain("default-src 'none'");
  expect(plain.headers()['strict-transport-security']).toBeUndefined();
  const overTls = await request.get('/api/health', { headers: { 'x-forwarded-proto': 'https' } });
  expect(overTls.headers()['strict-transport-security']).toBe('max-age=63072000');
});

test('the authorization server’s own pages: no inline script as such, forms post here', async ({
  request,
}) => {
  const response = await request.get('/oidc/device');
  const policy = response.headers()['content-security-policy'];
  expect(scriptSrc(policy)).toBe("script-src 'self'");
  expect(policy).toContain("form-action 'self'");
});
