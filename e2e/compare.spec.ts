import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AuthorizationServerPage } from './pages/authorization-server-page';

/** One side of the compare page. */
function side(page: Page, name: string) {
  const region = page.getByRole('region', { name });
  return {
    region,
    next: region.getByRole('button', { name: 'Next step', exact: true }),
    complete: region.getByRole('status').filter({ hasText: 'Flow complete' }),
    log: region.getByRole('region', { name: 'HTTP exchanges' }).locator('li'),
  };
}

const cell = (table: Locator, aspect: string, column: number) =>
  table
    .getByRole('row', { name: new RegExp(`^${aspect.replace(/[()]/g, '\\$&')}`) })
    .getByRole('cell')
    .nth(column);

test('two grants side by side, advanced together, with hops counted from the runs', async ({ page }) => {
  await page.goto('/compare?left=client-credentials&right=password');
  const left = side(page, 'Left: Client credentials');
  const right = side(page, 'Right: Resource owner password');
  await expect(left.next).toBeEnabled();
  await expect(right.next).toBeEnabled();
  const table = page.getByRole('region', { name: 'Comparison' }).getByRole('table');
  // Before either side has sent anything, nothing about the run is claimed.
  await expect(cell(table, 'Where tokens are exposed', 0)).toHaveText('not yet run');
  await expect(cell(table, 'Back-channel hops (this run)', 1)).toHaveText('not yet run');
  const both = page.getByRole('button', { name: 'Next step on both' });
  for (let i = 0; i < 12 && !((await left.complete.isVisible()) && (await right.complete.isVisible())); i++) {
    if ((await left.complete.isVisible()) || (await right.complete.isVisible())) {
      const remaining = (await left.complete.isVisible()) ? right : left;
      await remaining.next.click();
    } else {
      await expect(both).toBeEnabled();
      await both.click();
    }
    await expect(async () => {
      expect((await left.next.isEnabled()) || (await left.complete.isVisible())).toBe(true);
      expect((await right.next.isEnabled()) || (await right.complete.isVisible())).toBe(true);
    }).toPass();
  }
  await expect(left.complete).toBeVisible();
  await expect(right.complete).toBeVisible();

  await expect(cell(table, 'Client type', 0)).toHaveText('confidential');
  await expect(cell(table, 'User involved', 0)).toHaveText('no');
  await expect(cell(table, 'User involved', 1)).toHaveText('yes, and the client sees the password');
  await expect(cell(table, 'Front-channel hops (this run)', 0)).toHaveText('0');
  // The steps' own messages: the JWKS and the resource server's introspection support them, and are not hops.
  const own = (log: Locator) => log.filter({ hasNotText: /\/oidc\/(jwks|token\/introspection)\b/ });
  expect(await own(left.log).count()).toBeLessThan(await left.log.count());
  await expect(cell(table, 'Back-channel hops (this run)', 0)).toHaveText(
    String(await own(left.log).count()),
  );
  await expect(cell(table, 'Back-channel hops (this run)', 1)).toHaveText(
    String(await own(right.log).count()),
  );
  await expect(cell(table, 'Refresh token', 1)).toHaveText('issued');
  // Each side shows only its own run's exchanges.
  await expect(left.log.filter({ hasText: '/oidc/me' })).toHaveCount(0);
  await expect(right.log.filter({ hasText: '/oidc/me' })).toHaveCount(1);
});

test('a front-channel grant advances on its own and both runs survive the trip to the authorization server', async ({
  page,
}) => {
  await page.goto('/compare?left=authorization-code-pkce&right=client-credentials');
  await expect(page).toHaveURL(/left=authorization-code-pkce&right=client-credentials/);
  const left = side(page, 'Left: Authorization code with PKCE');
  const right = side(page, 'Right: Client credentials');
  // One side leaving for the authorization server no longer holds "Next step on both" back.
  await expect(page.getByRole('button', { name: 'Next step on both' })).toBeEnabled();
  await right.next.click();
  await expect(right.log).toHaveCount(1);
  await left.next.click();
  const as = new AuthorizationServerPage(page);
  await as.signIn('alice', 'wonderland');
  await as.allow();
  await page.waitForURL(/\/compare\?left=authorization-code-pkce&right=client-credentials/);
  await expect(left.region.getByText('Matches what the client sent: checked.')).toBeVisible();
  await expect(right.region.getByRole('article', { name: 'Access token' })).toBeVisible();
  await expect(left.log).toHaveCount(7);
  await expect(right.log).toHaveCount(1);
  const table = page.getByRole('region', { name: 'Comparison' }).getByRole('table');
  // Seven front-channel exchanges, two hops: to the authorization server and back to the client.
  await expect(cell(table, 'Front-channel hops (this run)', 0)).toHaveText('2');
  await expect(cell(table, 'Front-channel hops (this run)', 1)).toHaveText('0');
});

test('“Next step on both” works from the start on the default pair: the back-channel side is sent, then the browser leaves', async ({
  page,
}) => {
  await page.goto('/compare');
  const left = side(page, 'Left: Authorization code with PKCE');
  const right = side(page, 'Right: Client credentials');
  await expect(left.next).toBeEnabled();
  const both = page.getByRole('button', { name: 'Next step on both' });
  await expect(both).toBeEnabled();
  await both.click();
  const as = new AuthorizationServerPage(page);
  await as.signIn('alice', 'wonderland');
  await as.allow();
  await page.waitForURL(/\/compare/);
  await expect(left.region.getByText('Matches what the client sent: checked.')).toBeVisible();
  await expect(right.log).toHaveCount(1);
  await expect(right.region.getByRole('article', { name: 'Access token' })).toBeVisible();
  // Both sides go on together again.
  await expect(both).toBeEnabled();
});

test('rows where the two grants differ are marked, in colour and in words', async ({ page }) => {
  await page.goto('/compare?left=authorization-code-pkce&right=client-credentials');
  const table = page.getByRole('region', { name: 'Comparison' }).getByRole('table');
  const row = (aspect: string) => table.getByRole('row', { name: new RegExp(`^${aspect}`) });
  await expect(row('Client type')).toHaveAttribute('data-differs', 'true');
  await expect(row('Client type').getByRole('rowheader')).toHaveText('Client type differs');
  await expect(row('Client type').getByRole('rowheader')).not.toHaveCSS(
    'border-left-color',
    'rgba(0, 0, 0, 0)',
  );
  await expect(row('Refresh token').getByRole('rowheader')).toHaveCSS(
    'border-left-color',
    'rgba(0, 0, 0, 0)',
  );
  // Before either side has run, "not yet run" is the same on both: not a difference.
  await expect(row('Refresh token')).not.toHaveAttribute('data-differs');
  await expect(row('Refresh token').getByText('differs')).toHaveCount(0);
});

test('the compare page passes an axe scan with no serious or critical violations', async ({ page }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  await page.goto('/compare?left=implicit&right=device-code');
  await expect(
    page
      .getByRole('region', { name: 'Left: Implicit (OpenID Connect id_token token)' })
      .getByRole('button', { name: 'Next step', exact: true }),
  ).toBeEnabled();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(
    violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});

test('an unknown grant in the URL falls back to a default instead of failing', async ({ page }) => {
  const response = await page.goto('/compare?left=nope&right=password');
  expect(response!.status()).toBe(200);
  await expect(page.getByRole('region', { name: 'Right: Resource owner password' })).toBeVisible();
  await expect(page.getByLabel('Left grant')).toHaveValue('authorization-code-pkce');
});
