import { expect, test } from './fixtures';

test('the callback page lists the query and the fragment it was opened with', async ({ page }) => {
  await page.goto(
    '/callback?code=abc123&state=xyz&iss=http%3A%2F%2Fexample.test%2Foidc#access_token=t0k&token_type=Bearer',
  );
  const queryList = page.getByLabel('Query parameters');
  await expect(queryList.getByRole('term')).toHaveText(['code', 'state', 'iss']);
  await expect(queryList.getByRole('definition')).toHaveText(['abc123', 'xyz', 'http://example.test/oidc']);
  const fragmentList = page.getByLabel('Fragment parameters');
  await expect(fragmentList.getByRole('term')).toHaveText(['access_token', 'token_type']);
  await expect(fragmentList.getByRole('definition')).toHaveText(['t0k', 'Bearer']);
});

test('the callback page says so when nothing came back', async ({ page }) => {
  await page.goto('/callback');
  await expect(page.getByRole('heading', { name: 'Query parameters' })).toBeVisible();
  await expect(page.getByText('None.')).toHaveCount(2);
});
