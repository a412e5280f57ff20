import { expect, test } from './fixtures';
import { approveDeviceOnSecondScreen } from './flows/device';
import { AuthorizationServerPage } from './pages/authorization-server-page';
import { WalkthroughPage } from './pages/walkthrough-page';
import { ORIGIN } from './support/origin';

// Deep links replay the steps before theirs for real, and auto-play steps at a pace, pausing where a
// person must act. Both in Chromium against the production build.

test('a deep link replays the earlier steps for real and lands on its step with real tokens', async ({
  page,
}) => {
  const walkthrough = new WalkthroughPage(page);
  await page.goto('/grants/authorization-code-pkce?step=4&login=alice');
  // The replay signs in as alice on the authorization server's own pages, then comes back.
  await expect(walkthrough.autopilotStatus).toHaveText(/Landed on step 4/, { timeout: 30_000 });
  await expect(walkthrough.stepTitle).toHaveText('Call the userinfo endpoint');
  await expect(walkthrough.stepNumber).toContainText('Step 4 of 6');
  await expect(walkthrough.nextStep).toBeEnabled();
  // Fresh, real tokens: the ID token verifies against the server's key and names alice.
  await expect(walkthrough.token('Access token')).toBeVisible();
  await expect(walkthrough.token('ID token')).toContainText('verified with the authorization server’s key');
  await expect(walkthrough.token('ID token')).toContainText('alice');
  await expect.poll(() => walkthrough.logLines()).toContain('POST /oidc/token 200');
  const lines = await walkthrough.logLines();
  expect(lines).toContain('POST /interaction/:uid/login 303');
  expect(lines).toContain('POST /interaction/:uid/confirm 303');
  expect(lines).not.toContain('GET /oidc/me 200');
  // The address no longer replays on reload: it resumes where the replay landed.
  expect(page.url()).toBe(`${ORIGIN}/grants/authorization-code-pkce`);
  await page.reload();
  await expect(walkthrough.stepTitle).toHaveText('Call the userinfo endpoint');
  await walkthrough.next();
  await expect(walkthrough.card).toContainText('The response: 200');
});

test('without login=, the replay stops at the sign-in page for the instructor, then lands', async ({
  page,
}) => {
  const walkthrough = new WalkthroughPage(page);
  const as = new AuthorizationServerPage(page);
  await page.goto('/grants/authorization-code-pkce?step=3');
  await expect(as.heading).toHaveText('Sign in');
  // Nothing is filled in for them: a person signs in.
  await expect(as.username).toHaveValue('');
  await as.signIn('bob', 'builder');
  await as.allow();
  await expect(walkthrough.autopilotStatus).toHaveText(/Landed on step 3/);
  await expect(walkthrough.stepTitle).toHaveText('Exchange the code and the code_verifier for tokens');
  await walkthrough.next();
  await expect(walkthrough.token('ID token')).toContainText('bob');
});

test('a deep link past the device code step approves the device unattended and polls for tokens', async ({
  page,
}) => {
  const walkthrough = new WalkthroughPage(page);
  await page.goto('/grants/device-code?step=4&login=alice');
  await expect(walkthrough.autopilotStatus).toHaveText(/Landed on step 4/, { timeout: 40_000 });
  await expect(walkthrough.stepTitle).toHaveText('Call the userinfo endpoint');
  await expect(walkthrough.token('Access token')).toBeVisible();
  await expect(walkthrough.token('ID token')).toContainText('alice');
  await expect.poll(() => walkthrough.logLines()).toContain('POST /oidc/token 200');
});

test('a deep link to a step that does not exist says so and starts at step 1', async ({ page }) => {
  const walkthrough = new WalkthroughPage(page);
  await page.goto('/grants/password?step=9');
  await expect(page.getByRole('alert').filter({ hasText: 'has steps 1 to 3' })).toBeVisible();
  await expect(walkthrough.stepNumber).toContainText('Step 1 of 3');
  await expect(walkthrough.httpLog).toContainText('No exchanges yet');
});

test('"Link to this step" gives the deep link of the current step', async ({ page }) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('password');
  await walkthrough.next();
  await walkthrough.next();
  await page.getByText('Link to this step').click();
  const link = page.getByLabel('Step link');
  await expect(link).toHaveValue(`${ORIGIN}/grants/password?step=2&login=alice`);
  await page.getByLabel(/Sign in as alice automatically/).uncheck();
  await expect(link).toHaveValue(`${ORIGIN}/grants/password?step=2`);
});

test('auto-play steps through at the chosen pace to the end', async ({ page }) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('password');
  await walkthrough.autoplay.getByLabel('Pace').selectOption({ label: '1 s per step' });
  await walkthrough.autoplay.getByRole('button', { name: 'Play' }).click();
  await expect(walkthrough.autoplay.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(walkthrough.flowComplete).toBeVisible({ timeout: 30_000 });
  await expect(walkthrough.autopilotStatus).toHaveText('Auto-play finished: the flow is complete.');
  await expect
    .poll(() => walkthrough.logLines())
    .toEqual([
      'POST /oidc/token 200',
      'GET /oidc/jwks 200',
      'GET /oidc/me 200',
      'POST /oidc/token/introspection 200',
      'GET /api/v1/accounts/verify_credentials 200',
    ]);
});

test('auto-play waits at the sign-in page for a person, then carries on by itself', async ({ page }) => {
  const walkthrough = new WalkthroughPage(page);
  const as = new AuthorizationServerPage(page);
  await walkthrough.goto('authorization-code-pkce');
  await walkthrough.autoplay.getByLabel('Pace').selectOption({ label: '1 s per step' });
  await walkthrough.autoplay.getByRole('button', { name: 'Play' }).click();
  await expect(as.heading).toHaveText('Sign in', { timeout: 10_000 });
  await expect(as.username).toHaveValue('');
  await as.signIn('alice', 'wonderland');
  await as.allow();
  // Back from the authorization server, auto-play carries on by itself to the end.
  await expect(walkthrough.flowComplete).toBeVisible({ timeout: 40_000 });
  await expect(walkthrough.autopilotStatus).toHaveText('Auto-play finished: the flow is complete.');
});

test('auto-play pauses at the device code until a person has approved it', async ({ page, context }) => {
  test.setTimeout(90_000);
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('device-code');
  await walkthrough.autoplay.getByRole('button', { name: 'Play' }).click();
  await expect(walkthrough.autopilotStatus).toHaveText(/Paused at step 2: a person must enter the code/, {
    timeout: 15_000,
  });
  const userCode = (await page.getByLabel('User code').innerText()).trim();
  await approveDeviceOnSecondScreen(context, '/oidc/device', userCode);
  await walkthrough.autoplay.getByRole('button', { name: 'Play' }).click();
  await expect(walkthrough.flowComplete).toBeVisible({ timeout: 40_000 });
  await expect(walkthrough.token('Access token')).toBeVisible();
});
