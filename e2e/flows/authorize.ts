import { expect, test, type Page } from '@playwright/test';
import { AuthorizationServerPage } from '../pages/authorization-server-page';
import { ORIGIN } from '../support/origin';

/**
 * Follows an authorization request in the browser: our login page, then our consent page, until the
 * authorization server redirects to the playground's callback (or `expectedLanding`). Answers that URL.
 */
export async function authorizeInBrowser(
  page: Page,
  authorizationUrl: URL | string,
  {
    username = 'alice',
    password = 'wonderland',
    consent = 'allow',
    expectedLanding = `${ORIGIN}/callback`,
  }: { username?: string; password?: string; consent?: 'allow' | 'deny'; expectedLanding?: string } = {},
): Promise<URL> {
  return test.step(`authorize as ${username} (${consent})`, async () => {
    const as = new AuthorizationServerPage(page);
    await page.goto(String(authorizationUrl));
    await expect(as.heading).toHaveText('Sign in');
    await expect(as.banner).toBeVisible();
    await as.signIn(username, password);
    if (consent === 'deny') {
      await expect(as.denyButton).toBeVisible();
      await as.deny();
    } else {
      await expect(as.allowButton).toBeVisible();
      await as.allow();
    }
    await page.waitForURL((url) => url.href.startsWith(expectedLanding));
    return new URL(page.url());
  });
}
