import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { WalkthroughPage } from './pages/walkthrough-page';

// An unexpected error inside a flow ends in a message with Restart, not in Next's "This page couldn't
// load". The error here is a real one: a run stored in the tab by an older version of the page (after
// an upgrade renamed a state of the machine) no longer fits the machine it is restored into.

const STALE_RUN = JSON.stringify({ status: 'active', value: 'renamedInANewerVersion', context: {} });

async function storeStaleRun(page: Page, key: string) {
  await page.evaluate(
    ([name, run]) => sessionStorage.setItem(`playground:walkthrough:${name}`, run!),
    [key, STALE_RUN],
  );
}

async function restartWithKeyboard(page: Page, what: string) {
  const alert = page.getByRole('alert').filter({ hasText: `${what} stopped on an unexpected error.` });
  await expect(alert).toBeVisible();
  const restart = alert.getByRole('button', { name: 'Restart' });
  await expect(restart).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(alert).toHaveCount(0);
}

test('a walkthrough that cannot restore its run says so and restarts from the keyboard', async ({ page }) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('authorization-code');
  await storeStaleRun(page, 'authorization-code');
  await page.reload();
  await restartWithKeyboard(page, 'The walkthrough');
  await expect(walkthrough.stepTitle).toHaveText('Send the browser to the authorization server');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Authorization code');
});

test('the message passes an axe scan', async ({ page }) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('client-credentials');
  await storeStaleRun(page, 'client-credentials');
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'stopped on an unexpected error' })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});

test('one side of the comparison fails alone, and restarts alone', async ({ page }) => {
  await page.goto('/compare?left=authorization-code-pkce&right=client-credentials');
  const right = page.getByRole('region', { name: 'Right: Client credentials' });
  await expect(right.locator('section[data-progress] h2')).toBeVisible();
  await storeStaleRun(page, 'compare:right:client-credentials');
  await page.reload();
  await expect(right.getByRole('alert')).toContainText('The walkthrough stopped on an unexpected error.');
  const left = page.getByRole('region', { name: 'Left: Authorization code with PKCE' });
  await expect(left.locator('section[data-progress] h2')).toBeVisible();
  await restartWithKeyboard(page, 'The walkthrough');
  await expect(right.locator('section[data-progress] h2')).toBeVisible();
});

test('the Mastodon run restarts on the same instance after an unexpected error', async ({ page }) => {
  await page.goto('/mastodon');
  await page.evaluate((instance) => {
    sessionStorage.setItem(
      'playground:mastodon:connection',
      JSON.stringify({ instance, variant: 'redirect' }),
    );
  }, new URL(page.url()).origin);
  await storeStaleRun(page, 'mastodon');
  await page.reload();
  await restartWithKeyboard(page, 'The Mastodon flow');
  await expect(new WalkthroughPage(page).stepTitle).toHaveText('Look for the instance’s OAuth metadata');
});
