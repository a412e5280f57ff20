import { expect, test } from './fixtures';
import { attacker, axe, openAttack, outcome, readyOrDone } from './pages/attack-lab';
import { pressOn, tabTo } from './flows/keyboard';
import { WalkthroughPage } from './pages/walkthrough-page';
import { ATTACKS } from '../machines/attacks/registry';

// The attack lab, for real, in Chromium against the production build: the attacks run against the
// embedded authorization server through the lab's attacker routes; the refusals are the server's own.

test.describe('refresh-token-replay', () => {
  test('with every defense off the stolen refresh token works, and the attacker reads alice’s account', async ({
    page,
  }) => {
    await openAttack(page, 'refresh-token-replay');
    await axe(page, 'refresh-token-replay');
    const defense = page.getByRole('checkbox', { name: 'Defense: refresh token rotation' });
    await expect(defense).not.toBeChecked();
    await page.getByRole('button', { name: 'Run the attack' }).click();
    await expect(outcome(page)).toContainText('Attack succeeded', { timeout: 30_000 });
    await expect(outcome(page)).toContainText('@alice’s account');
    // The attacker is a party of its own on the diagram, holding what it stole and what the replay got.
    await expect(attacker(page)).toContainText('a stolen refresh token (alice’s)');
    await expect(attacker(page)).toContainText('alice’s access token, from the replay');
    // The attacker's server shows what it received.
    const loot = page.getByRole('region', { name: 'What the attacker’s server holds' });
    await expect(loot).toContainText(
      'refresh token (sent by the injected script, client lab-spa-without-rotation)',
    );
    await expect(loot).toContainText('access token (got by replaying the stolen refresh token');
    // The replay is in the log as a real exchange with the token endpoint.
    const log = new WalkthroughPage(page).httpLog;
    await expect(log).toContainText('/oidc/token');
    await axe(page, 'refresh-token-replay, succeeded');
  });

  test('with rotation the replay gets invalid_grant and the whole grant is revoked', async ({ page }) => {
    await openAttack(page, 'refresh-token-replay');
    await page.getByRole('checkbox', { name: 'Defense: refresh token rotation' }).check();
    await expect(page.getByRole('checkbox', { name: 'Defense: refresh token rotation' })).toBeChecked();
    await page.getByRole('button', { name: 'Run the attack' }).click();
    await expect(outcome(page)).toContainText('Attack blocked', { timeout: 30_000 });
    await expect(outcome(page)).toContainText(
      'Stopped by the authorization server (refresh token rotation with reuse detection): invalid_grant (grant request is invalid), HTTP 400.',
    );
    await expect(outcome(page)).toContainText(
      'the app’s own access token is now refused at userinfo (HTTP 401, invalid_token)',
    );
    await expect(attacker(page)).toContainText('a stolen refresh token (alice’s)');
    await expect(attacker(page)).not.toContainText('from the replay');
    await axe(page, 'refresh-token-replay, blocked');
  });

  test('steps through by keyboard: the defense, Next step, and the outcome', async ({ page }) => {
    // Six steps, one Tab at a time, and a sign-in on the way: long on a busy machine.
    test.setTimeout(120_000);
    await openAttack(page, 'refresh-token-replay');
    const defense = page.getByRole('checkbox', { name: 'Defense: refresh token rotation' });
    await tabTo(page, defense);
    await page.keyboard.press('Space');
    await expect(defense).toBeChecked();
    for (let i = 0; i < 20 && !(await outcome(page).innerText()).includes('Attack'); i++) {
      await pressOn(page, 'Next step');
      await expect(readyOrDone(page)).toBeVisible();
    }
    await expect(outcome(page)).toContainText('Attack blocked');
  });

  test('a deep link lands on a step with the attack replayed for real before it', async ({ page }) => {
    await page.goto('/attacks/refresh-token-replay?step=4');
    const walkthrough = new WalkthroughPage(page);
    await expect(walkthrough.stepTitle).toHaveText('The attacker replays the stolen refresh token', {
      timeout: 30_000,
    });
    await expect(walkthrough.stepNumber).toContainText('Step 4 of 6 · Attacker → Authorization server');
  });
});

test.describe('csrf-missing-state', () => {
  test('without state the victim’s client redeems the attacker’s code and ends up signed in as bob', async ({
    page,
  }) => {
    await openAttack(page, 'csrf-missing-state');
    await axe(page, 'csrf-missing-state');
    await expect(page.getByRole('checkbox', { name: 'Defense: state parameter' })).not.toBeChecked();
    await page.getByRole('button', { name: 'Run the attack' }).click();
    await expect(outcome(page)).toContainText('Attack succeeded', { timeout: 45_000 });
    await expect(outcome(page)).toContainText('signed in as bob (userinfo answered sub: bob)');
    await expect(page).toHaveURL(/\/attacks\/csrf-missing-state$/);
    await expect(attacker(page)).toContainText('a session of its own, signed in as bob');
    await expect(attacker(page)).toContainText('an unredeemed authorization code for bob');
    const loot = page.getByRole('region', { name: 'What the attacker’s server holds' });
    await expect(loot).toContainText(
      'authorization code (issued to the attacker signed in as bob, not redeemed',
    );
    await axe(page, 'csrf-missing-state, succeeded');
  });

  test('with state bound to the session the client refuses the forged response', async ({ page }) => {
    await openAttack(page, 'csrf-missing-state');
    await page.getByRole('checkbox', { name: 'Defense: state parameter' }).check();
    await page.getByRole('button', { name: 'Run the attack' }).click();
    await expect(outcome(page)).toContainText('Attack blocked', { timeout: 45_000 });
    await expect(outcome(page)).toContainText(
      'Stopped by the client (state bound to the browser session): state_mismatch',
    );
    await expect(outcome(page)).toContainText('but the response carries none');
    await expect(outcome(page)).toContainText('never redeemed');
    await expect(page.getByRole('checkbox', { name: 'Defense: state parameter' })).toBeChecked();
    // Auto-play reads the refusal as the defense working, not as a failed run.
    const autoplay = page.getByRole('status').filter({ hasText: /^Stopped at step/ });
    await expect(autoplay).toHaveText(
      'Stopped at step 2: the client (state bound to the browser session) refused, as the defense should. The outcome says how.',
    );
    await axe(page, 'csrf-missing-state, blocked');
    // Restart starts again with the defense the learner chose, and a fresh state bound to this session.
    await page.getByRole('button', { name: 'Restart' }).click();
    await expect(outcome(page)).toContainText('Not run yet');
    await expect(page.getByRole('checkbox', { name: 'Defense: state parameter' })).toBeChecked();
    for (let i = 0; i < 12 && !(await outcome(page).innerText()).includes('Attack'); i++) {
      await page.getByRole('button', { name: 'Next step' }).click();
      await page.waitForURL(/\/attacks\/csrf-missing-state/);
      await expect(readyOrDone(page)).toBeVisible();
    }
    await expect(outcome(page)).toContainText(
      'Stopped by the client (state bound to the browser session): state_mismatch',
    );
  });

  test('steps through by keyboard to the client’s refusal', async ({ page }) => {
    await openAttack(page, 'csrf-missing-state');
    const defense = page.getByRole('checkbox', { name: 'Defense: state parameter' });
    await tabTo(page, defense);
    await page.keyboard.press('Space');
    await expect(defense).toBeChecked();
    for (let i = 0; i < 12 && !(await outcome(page).innerText()).includes('Attack'); i++) {
      await pressOn(page, 'Next step');
      await page.waitForURL(/\/attacks\/csrf-missing-state/);
      await expect(readyOrDone(page)).toBeVisible();
    }
    await expect(outcome(page)).toContainText('Attack blocked');
  });
});

test.describe('authorization-code-interception', () => {
  test('without PKCE the caught code gets the attacker alice’s account', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openAttack(page, 'authorization-code-interception');
    await axe(page, 'authorization-code-interception');
    await expect(page.getByRole('checkbox', { name: 'Defense: PKCE' })).not.toBeChecked();
    await page.getByRole('button', { name: 'Run the attack' }).click();
    // alice signs in and consents on the authorization server's own pages, unattended, and comes back.
    await expect(outcome(page)).toContainText('Attack succeeded', { timeout: 60_000 });
    // The outcome is on screen at 1440x900 without scrolling, beside the diagram.
    await expect(outcome(page)).toBeInViewport();
    await expect(outcome(page)).toContainText('without any code_verifier');
    await expect(outcome(page)).toContainText('@alice’s account');
    // The server's side of the story opens in place, with oidc-provider's exact error.
    await page.getByText('The server’s side of the story').click();
    await expect(page.getByText(/400 invalid_grant “grant request is invalid”/)).toBeVisible();
    await expect(page.getByText('In the real world:')).toBeVisible();
    await expect(attacker(page)).toContainText('a caught authorization code (alice’s)');
    await expect(attacker(page)).toContainText('alice’s access token, from the caught code');
    await axe(page, 'authorization-code-interception, succeeded');
  });

  test('with PKCE the redemption without a verifier is refused (run by keyboard)', async ({ page }) => {
    await openAttack(page, 'authorization-code-interception');
    const defense = page.getByRole('checkbox', { name: 'Defense: PKCE' });
    await tabTo(page, defense);
    await page.keyboard.press('Space');
    await expect(defense).toBeChecked();
    await pressOn(page, 'Run the attack');
    await expect(outcome(page)).toContainText('Attack blocked', { timeout: 60_000 });
    await expect(outcome(page)).toContainText(
      'Stopped by the authorization server (PKCE: the code is bound to a code_challenge): invalid_grant',
    );
    await expect(outcome(page)).toContainText('HTTP 400');
    await expect(attacker(page)).toContainText('a caught authorization code (alice’s)');
    await expect(attacker(page)).not.toContainText('access token');
    await axe(page, 'authorization-code-interception, blocked');
  });
});

test.describe('jwt-algorithm-confusion', () => {
  test('the resource server that trusts alg takes a forged alg none token and answers as alice', async ({
    page,
  }) => {
    await openAttack(page, 'jwt-algorithm-confusion');
    await axe(page, 'jwt-algorithm-confusion');
    await expect(page.getByText('/attacks/resource-server/trusting-alg')).toBeVisible();
    await expect(
      page.getByRole('checkbox', { name: 'Defense: pin the algorithm and key' }),
    ).not.toBeChecked();
    await page.getByRole('button', { name: 'Run the attack' }).click();
    await expect(outcome(page)).toContainText('Attack succeeded', { timeout: 30_000 });
    await expect(outcome(page)).toContainText('alg none and no signature and answered as alice (sub: alice)');
    await expect(attacker(page)).toContainText('a real access token of its own (bob’s)');
    await expect(attacker(page)).toContainText('a forged token: alg none, sub alice, no signature');
    await axe(page, 'jwt-algorithm-confusion, succeeded');
  });

  test('pinned to ES256 and the issuer’s keys, the resource server refuses it (run by keyboard)', async ({
    page,
  }) => {
    await openAttack(page, 'jwt-algorithm-confusion');
    const defense = page.getByRole('checkbox', { name: 'Defense: pin the algorithm and key' });
    await tabTo(page, defense);
    await page.keyboard.press('Space');
    await expect(defense).toBeChecked();
    await pressOn(page, 'Run the attack');
    await expect(outcome(page)).toContainText('Attack blocked', { timeout: 30_000 });
    await expect(outcome(page)).toContainText(
      'Stopped by the resource server (algorithm pinned to ES256, the issuer’s keys): invalid_token',
    );
    await expect(outcome(page)).toContainText('HTTP 401');
    await axe(page, 'jwt-algorithm-confusion, blocked');
  });
});

test('a link to a step carries the defenses that are on, and opens the attack with them', async ({
  page,
}) => {
  await openAttack(page, 'jwt-algorithm-confusion');
  const defense = page.getByRole('checkbox', { name: 'Defense: pin the algorithm and key' });
  await defense.check();
  await expect(defense).toBeChecked();
  // The switch starts a fresh run: it can be used again once that run is there.
  await expect(defense).toBeEnabled();
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.next();
  await walkthrough.next();
  await expect(walkthrough.stepNumber).toContainText('Step 2 of 2');
  await page.getByRole('button', { name: 'Link to this step' }).click();
  const link = page.getByLabel('Step link');
  await expect(link).toHaveValue(/\/attacks\/jwt-algorithm-confusion\?defense_\w+=on&step=2&login=alice$/);
  const address = await link.inputValue();
  await page.goto('/attacks/jwt-algorithm-confusion');
  await page.goto(address);
  await expect(walkthrough.stepNumber).toContainText('Step 2 of 2', { timeout: 30_000 });
  await expect(defense).toBeChecked();
  // The address no longer carries the link's parameters: a reload resumes the run instead.
  await expect(page).toHaveURL(/\/attacks\/jwt-algorithm-confusion$/);
  // A link that turns on a defense the page does not know, or says anything but "on", leaves it off.
  await page.goto('/attacks/jwt-algorithm-confusion?defense_pin=yes&defense_unknown=on');
  await expect(page.getByRole('button', { name: 'Next step' })).toBeEnabled();
  await expect(defense).not.toBeChecked();
});

test('the index lists every scenario, and what this browser has seen', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Open the attack lab' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Attack lab');
  await axe(page, 'attacks index');
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: 'Refresh token replay' }) });
  await expect(card.getByRole('list', { name: 'Your progress' })).toHaveText(
    /Not yet seen succeeding\s*Not yet seen blocked/,
  );
  // Every scenario of the registry is linked.
  for (const attack of ATTACKS)
    await expect(page.getByRole('link', { name: attack.name, exact: true })).toHaveAttribute(
      'href',
      `/attacks/${attack.slug}`,
    );

  await card.getByRole('link', { name: 'Refresh token replay' }).click();
  await page.getByRole('button', { name: 'Run the attack' }).click();
  await expect(outcome(page)).toContainText('Attack succeeded', { timeout: 30_000 });
  await page.goto('/attacks');
  await expect(card.getByRole('list', { name: 'Your progress' })).toHaveText(
    /Seen succeeding\s*Not yet seen blocked/,
  );
});

test('the attacker routes answer bad input with clear errors, never a 500', async ({
  request,
  learnerCookie,
}) => {
  const headers = { cookie: learnerCookie, 'content-type': 'application/x-www-form-urlencoded' };
  const empty = await request.post('/api/attacker/loot', { headers, data: 'kind=password&value=' });
  expect(empty.status()).toBe(400);
  expect(await empty.json()).toMatchObject({ error: 'invalid_request' });
  const replay = await request.post('/api/attacker/refresh-token-replay', {
    headers: { ...headers, 'x-playground-run': 'nothing-stolen-run' },
  });
  expect(replay.status()).toBe(409);
  expect(await replay.json()).toMatchObject({ error: 'nothing_stolen' });
  const anonymous = await request.get('/api/attacker/loot');
  expect(anonymous.status()).toBe(401);
});
