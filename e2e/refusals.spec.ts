import { expect, test } from './fixtures';
import { freePort } from '../lib/testing/redis-server';
import { AuthorizationServerPage } from './pages/authorization-server-page';
import { WalkthroughPage } from './pages/walkthrough-page';
import { startPlayground } from './support/server';

// Refusals name their real cause, and no step is a dead end: an expired code, a trip to the
// authorization server abandoned with the Back button, a scope the server does not know.

async function signInAndAllow(walkthrough: WalkthroughPage) {
  const as = new AuthorizationServerPage(walkthrough.page);
  await expect(as.heading).toHaveText('Sign in');
  await as.signIn('alice', 'wonderland');
  await as.allow();
  await walkthrough.page.waitForURL(/\/grants\//);
}

test('a code left to expire counts down, is refused as expired, and a new code is one press away', async ({
  page,
}) => {
  test.setTimeout(90_000);
  // A server whose codes last 8 seconds: long enough to read the countdown, short enough to wait out.
  const server = await startPlayground({ port: await freePort(), env: { AUTHORIZATION_CODE_TTL: '8' } });
  try {
    const walkthrough = new WalkthroughPage(page);
    await page.goto(`${server.origin}/grants/authorization-code`);
    await expect(walkthrough.nextStep).toBeEnabled();
    await walkthrough.next();
    await signInAndAllow(walkthrough);
    await expect(walkthrough.stepTitle).toHaveText('The code comes back to the redirect URI');

    const lifetime = walkthrough.card.getByRole('group', { name: 'Code lifetime' });
    await expect(lifetime).toContainText('The code expires in');
    await expect(lifetime).toContainText('this server keeps a code 8 seconds');
    const firstCode = await walkthrough.card
      .getByLabel('Callback parameters')
      .locator('code')
      .first()
      .innerText();
    // The ticking time is not a live region; the announcement changes only at thresholds.
    await expect(lifetime.getByRole('status')).toHaveText(/The code expires at|Less than 10 seconds left/);
    await expect(lifetime).toContainText('The code expired at', { timeout: 15_000 });
    await expect(lifetime.getByRole('status')).toHaveText(/^The code expired at \d\d:\d\d:\d\d\.$/);

    await walkthrough.next();
    await walkthrough.next();
    await expect(walkthrough.error).toContainText('invalid_grant');
    await expect(walkthrough.card).toContainText(
      /What the playground knows: The code expired at \d\d:\d\d:\d\d/,
    );
    await expect(walkthrough.card.locator('[data-phase]')).toHaveText(/sent: 400 Bad Request/);

    await walkthrough.card.getByRole('button', { name: 'Get a new code' }).click();
    // The same authorization request again: alice is still signed in, prompt=consent asks again.
    const as = new AuthorizationServerPage(page);
    await as.allow();
    await page.waitForURL(/\/grants\//);
    await expect(walkthrough.stepTitle).toHaveText('The code comes back to the redirect URI');
    const secondCode = walkthrough.card.getByLabel('Callback parameters').locator('code').first();
    await expect(secondCode).not.toHaveText(firstCode);
    await expect(walkthrough.card.getByRole('group', { name: 'Code lifetime' })).toBeVisible();
    // The authorization request went again as it was first sent: the log shows it twice.
    await expect
      .poll(async () => (await walkthrough.logLines()).filter((line) => line === 'GET /oidc/auth 303'))
      .toHaveLength(2);
  } finally {
    // The page's trace stream keeps a connection open, which a stopping server would wait for.
    await page.close();
    await server.stop();
  }
});

test('the browser’s Back button from the sign-in page offers “Try again” for the step', async ({ page }) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('authorization-code-pkce');
  await walkthrough.next();
  const as = new AuthorizationServerPage(page);
  await expect(as.heading).toHaveText('Sign in');

  await page.goBack();
  await expect(walkthrough.card).toContainText('You came back before the authorization server answered.');
  await expect(walkthrough.card.locator('[data-phase]')).toHaveText(/sent: no answer came back/);
  await expect(walkthrough.nextStep).toBeDisabled();
  const tryAgain = walkthrough.card.getByRole('button', { name: 'Try again' });
  await expect(tryAgain).toBeFocused();

  await tryAgain.click();
  await expect(as.heading).toHaveText('Sign in');
  await as.signIn('alice', 'wonderland');
  await as.allow();
  await page.waitForURL(/\/grants\//);
  await expect(walkthrough.stepTitle).toHaveText('The code comes back to the redirect URI');
});

test('a scope unknown to the server is flagged as dropped, with the reason', async ({ page }) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('client-credentials');
  await expect(walkthrough.card.locator('[data-phase]')).toHaveText(/ready to send/);
  await page.getByLabel('scope', { exact: true }).fill('read admin');
  await walkthrough.next();
  const panel = walkthrough.card.getByRole('region', { name: 'Asked for and granted' });
  await expect(panel).toContainText('scope askedread admin');
  await expect(panel).toContainText('scope grantedread');
  await expect(panel.getByRole('listitem')).toHaveText([
    'Dropped admin: unknown to this server: it is not among the scopes the server is configured with, and the server ignores it without an error.',
  ]);
  await expect(walkthrough.card.locator('[data-phase]')).toHaveText(/sent: 200 OK/);
});

test('the authorization code flow flags the unknown scopes it was asked for', async ({ page }) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('authorization-code');
  await page.getByLabel('scope', { exact: true }).fill('openid banana admin');
  await walkthrough.next();
  await signInAndAllow(walkthrough);
  await walkthrough.next();
  await walkthrough.next();
  const panel = walkthrough.card.getByRole('region', { name: 'Asked for and granted' });
  await expect(panel).toContainText('scope grantedopenid');
  await expect(panel.getByRole('listitem')).toHaveText([
    /^Dropped banana: unknown to this server/,
    /^Dropped admin: unknown to this server/,
  ]);
});

test('the last response ends the flow at once', async ({ page }) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('client-credentials');
  // Three steps: send and read, move on; send and read, move on; send, and the last answer ends it.
  for (let press = 0; press < 5; press++) await walkthrough.next();
  await expect(walkthrough.flowComplete).toBeVisible();
  await expect(walkthrough.card.getByRole('heading', { name: /The response: 422/ })).toBeVisible();
  await expect(walkthrough.nextStep).toBeDisabled();
});

test('a code sent again is refused as already redeemed, naming the exchange that redeemed it', async ({
  page,
}) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('authorization-code');
  await walkthrough.next();
  await signInAndAllow(walkthrough);
  await walkthrough.next();
  await walkthrough.next();
  await expect(walkthrough.card.locator('[data-phase]')).toHaveText(/sent: 200 OK/);
  const redeemedIn = (await walkthrough.logLines()).indexOf('POST /oidc/token 200') + 1;
  expect(redeemedIn).toBeGreaterThan(0);

  await walkthrough.back.click();
  await expect(walkthrough.card).toContainText(`This code was redeemed in exchange #${redeemedIn}.`);
  await walkthrough.next();
  await expect(walkthrough.error).toContainText('invalid_grant');
  await expect(walkthrough.error).toContainText(`This code was already redeemed in exchange #${redeemedIn}.`);
  await expect(walkthrough.error).toContainText(`revoked the tokens that exchange #${redeemedIn} issued`);
});
