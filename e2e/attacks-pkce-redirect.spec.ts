import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { attacker, axe, loot, openAttack, outcome } from './pages/attack-lab';
import { pressOn, tabTo } from './flows/keyboard';

// The attack lab's pkce-downgrade and redirect-uri-manipulation, for real, in Chromium against the
// production build: alice signs in on the authorization server's own pages, the attacker's part is played
// by the lab's attacker routes, and the refusals are oidc-provider's own.

/** The defense switched on from the keyboard, then the whole attack run with Enter. */
async function runByKeyboardWith(page: Page, defense: string) {
  const checkbox = page.getByRole('checkbox', { name: defense });
  await tabTo(page, checkbox);
  await page.keyboard.press('Space');
  await expect(checkbox).toBeChecked();
  await pressOn(page, 'Run the attack');
}

test.describe('pkce-downgrade', () => {
  const DEFENSE = 'Defense: refuse a code_verifier without a challenge';

  test('at a server that ignores a verifier without a challenge, alice’s client ends up signed in as bob', async ({
    page,
  }) => {
    await openAttack(page, 'pkce-downgrade');
    await axe(page, 'pkce-downgrade');
    // The lab's weak token endpoint is named on the page and labelled as such.
    await expect(
      page.getByText(
        /^Lab route \/attacks\/authorization-server\/token-without-downgrade-check\s*deliberately vulnerable/,
      ),
    ).toBeVisible();
    await expect(page.getByRole('checkbox', { name: DEFENSE })).not.toBeChecked();
    await page.getByRole('button', { name: 'Run the attack' }).click();
    await expect(outcome(page)).toContainText('Attack succeeded', { timeout: 45_000 });
    await expect(outcome(page)).toContainText(
      'redeemed the attacker’s code with alice’s code_verifier and is signed in as bob (userinfo answered sub: bob)',
    );
    await expect(page).toHaveURL(/\/attacks\/pkce-downgrade$/);
    await expect(attacker(page)).toContainText('a session of its own, signed in as bob');
    await expect(attacker(page)).toContainText('an unredeemed authorization code for bob');
    await expect(loot(page)).toContainText('authorization code (issued to the attacker signed in as bob');
    await axe(page, 'pkce-downgrade, succeeded');
  });

  test('oidc-provider’s token endpoint refuses the code_verifier: invalid_grant (run by keyboard)', async ({
    page,
  }) => {
    await openAttack(page, 'pkce-downgrade');
    await runByKeyboardWith(page, DEFENSE);
    await expect(outcome(page)).toContainText('Attack blocked', { timeout: 45_000 });
    await expect(outcome(page)).toContainText(
      'Stopped by the authorization server (a code_verifier without a code_challenge is refused): invalid_grant (grant request is invalid), HTTP 400.',
    );
    await expect(outcome(page)).toContainText('alice is not signed in as the attacker');
    await page.getByText('The server’s side of the story').click();
    await expect(page.getByText(/“unsupported code_challenge_method”/)).toBeVisible();
    await axe(page, 'pkce-downgrade, blocked');
  });

  test('the deliberately vulnerable token endpoint serves no other client and no bad request', async ({
    request,
  }) => {
    const endpoint = '/attacks/authorization-server/token-without-downgrade-check';
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const walkthrough = await request.post(endpoint, {
      headers: form,
      data: 'grant_type=authorization_code&code=x&redirect_uri=x&client_id=playground-spa&code_verifier=x',
    });
    expect(walkthrough.status()).toBe(403);
    expect(await walkthrough.json()).toMatchObject({ error: 'unauthorized_client' });
    const json = await request.post(endpoint, { data: { client_id: 'lab-web-pkce-optional' } });
    expect(json.status()).toBe(400);
    expect(await json.json()).toMatchObject({ error: 'invalid_request' });
    const unknownCode = await request.post(endpoint, {
      headers: form,
      data: 'grant_type=authorization_code&code=not-a-code&redirect_uri=x&client_id=lab-web-pkce-optional&code_verifier=x',
    });
    expect(unknownCode.status()).toBe(400);
    expect(await unknownCode.json()).toMatchObject({ error: 'invalid_grant' });
  });
});

test.describe('redirect-uri-manipulation', () => {
  const DEFENSE = 'Defense: exact redirect URI matching';

  test('a redirect URI matched by prefix sends alice’s code to the attacker, who reads her account', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openAttack(page, 'redirect-uri-manipulation');
    await axe(page, 'redirect-uri-manipulation');
    await expect(page.getByRole('checkbox', { name: DEFENSE })).not.toBeChecked();
    await page.getByRole('button', { name: 'Run the attack' }).click();
    // alice signs in and consents on the real pages, unattended; the code goes to the attacker's page.
    await expect(outcome(page)).toContainText('Attack succeeded', { timeout: 60_000 });
    await expect(outcome(page)).toBeInViewport();
    await expect(outcome(page)).toContainText('The code went to the attacker’s page');
    await expect(outcome(page)).toContainText('@alice’s account');
    await expect(page).toHaveURL(/\/attacks\/redirect-uri-manipulation$/);
    await expect(loot(page)).toContainText(
      'authorization code (sent to the attacker’s page by the authorization server (redirect_uri matched by prefix)',
    );
    await expect(attacker(page)).toContainText('a caught authorization code (alice’s)');
    await expect(attacker(page)).toContainText('alice’s access token, from the caught code');
    await axe(page, 'redirect-uri-manipulation, succeeded');
  });

  test('with exact matching the server refuses the attacker’s redirect_uri: invalid_redirect_uri (run by keyboard)', async ({
    page,
  }) => {
    await openAttack(page, 'redirect-uri-manipulation');
    await runByKeyboardWith(page, DEFENSE);
    await expect(outcome(page)).toContainText('Attack blocked', { timeout: 45_000 });
    await expect(outcome(page)).toContainText(
      "Stopped by the authorization server (exact redirect URI matching): invalid_redirect_uri (redirect_uri did not match any of the client's registered redirect_uris), HTTP 400.",
    );
    await expect(outcome(page)).toContainText('no link to send alice');
    await expect(attacker(page)).not.toContainText('caught');
    await axe(page, 'redirect-uri-manipulation, blocked');
  });

  test('alice’s browser at the attacker’s link stops at the server’s own error page, redirected nowhere', async ({
    page,
  }) => {
    await page.goto('/');
    const here = new URL(page.url()).origin;
    const link = `/oidc/auth?${new URLSearchParams({
      client_id: 'lab-spa-exact-redirect',
      response_type: 'code',
      redirect_uri: `${here}/callback/../api/attacker/catch`,
      scope: 'openid read',
    })}`;
    const response = await page.goto(link);
    expect(response?.status()).toBe(400);
    expect(new URL(page.url()).pathname).toBe('/oidc/auth');
    await expect(
      page.getByRole('heading', { name: 'The authorization server refused this request' }),
    ).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('invalid_redirect_uri');
  });

  test('the attacker’s routes answer bad input with clear errors', async ({ request, learnerCookie }) => {
    const tried = await request.post('/api/attacker/try-link', {
      headers: { cookie: learnerCookie, 'content-type': 'application/x-www-form-urlencoded' },
      data: 'client_id=playground-spa',
    });
    expect(tried.status()).toBe(400);
    expect(await tried.json()).toMatchObject({ error: 'invalid_request' });
    const anonymous = await request.get('/api/attacker/catch?code=x', { maxRedirects: 0 });
    expect(anonymous.status()).toBe(401);
  });
});
