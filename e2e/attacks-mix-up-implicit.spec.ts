import { expect, test } from './fixtures';
import { attacker, axe, loot, openAttack, outcome, readyOrDone } from './pages/attack-lab';
import { pressOn, tabTo } from './flows/keyboard';
import { WalkthroughPage } from './pages/walkthrough-page';

// mix-up and implicit-token-leak, for real, in Chromium against the production build: alice signs in
// unattended on the authorization server's own pages; the attacker's part is the lab's attacker routes.

test.describe('mix-up', () => {
  const ISS = 'Defense: check iss (RFC 9207)';

  test('without the iss check the client sends alice’s code and its verifier to the attacker, who reads alice’s account', async ({
    page,
  }) => {
    await openAttack(page, 'mix-up');
    await axe(page, 'mix-up');
    await expect(page.getByRole('checkbox', { name: ISS })).not.toBeChecked();
    await page.getByRole('button', { name: 'Run the attack' }).click();
    await expect(outcome(page)).toContainText('Attack succeeded', { timeout: 60_000 });
    await expect(page).toHaveURL(/\/attacks\/mix-up$/);
    await expect(outcome(page)).toContainText('@alice’s account');
    await expect(outcome(page)).toContainText('PKCE did not stop it');
    await expect(attacker(page)).toContainText('a caught authorization code (alice’s)');
    await expect(attacker(page)).toContainText('the client’s code_verifier, stolen with the code');
    await expect(attacker(page)).toContainText('alice’s access token, from the caught code');
    await expect(loot(page)).toContainText(
      'authorization code (sent to the attacker’s token endpoint by the client itself, client lab-mix-up-client)',
    );
    await expect(loot(page)).toContainText('PKCE code_verifier (sent to the attacker’s token endpoint');
    // The honest server's authorization request carries the client's honest id, put there by the attacker.
    const log = new WalkthroughPage(page).httpLog;
    await expect(log).toContainText('client_id=lab-mix-up-client');
    await expect(log).toContainText('/oidc/token');
    await page.getByText('The server’s side of the story').click();
    await expect(page.getByText(/The refusal is the client’s own, issuer_mismatch/)).toBeVisible();
    await axe(page, 'mix-up, succeeded');
  });

  test('with the iss check the client refuses the honest server’s response before sending the code anywhere', async ({
    page,
  }) => {
    await openAttack(page, 'mix-up');
    await page.getByRole('checkbox', { name: ISS }).check();
    await expect(page.getByRole('checkbox', { name: ISS })).toBeChecked();
    await page.getByRole('button', { name: 'Run the attack' }).click();
    await expect(outcome(page)).toContainText('Attack blocked', { timeout: 60_000 });
    const origin = new URL(page.url()).origin;
    await expect(outcome(page)).toContainText(
      `Stopped by the client (iss checked against the server alice chose, RFC 9207): issuer_mismatch (The response names issuer ${origin}/oidc, not ${origin}/api/attacker/as (RFC 9207 mix-up defence))`,
    );
    await expect(loot(page)).toContainText('Nothing received from this run so far.');
    await expect(attacker(page)).not.toContainText('code');
    await axe(page, 'mix-up, blocked');
  });

  test('runs by keyboard: the defense, the first step, then the whole attack', async ({ page }) => {
    await openAttack(page, 'mix-up');
    const defense = page.getByRole('checkbox', { name: ISS });
    await tabTo(page, defense);
    await page.keyboard.press('Space');
    await expect(defense).toBeChecked();
    // The client reads the chosen server's metadata: the attacker's issuer is what it will expect.
    await pressOn(page, 'Next step');
    await expect(readyOrDone(page)).toBeVisible();
    await expect(new WalkthroughPage(page).stepTitle).toHaveText(
      'alice picks the attacker’s server at the client',
    );
    await pressOn(page, 'Run the attack');
    await expect(outcome(page)).toContainText('Attack blocked', { timeout: 60_000 });
    await expect(outcome(page)).toContainText('issuer_mismatch');
  });
});

test.describe('implicit-token-leak', () => {
  const CODE_FLOW = 'Defense: code flow with PKCE instead of implicit';

  test('with the implicit flow the token follows the open redirect to the attacker’s page, who reads alice’s account', async ({
    page,
  }) => {
    await openAttack(page, 'implicit-token-leak');
    await axe(page, 'implicit-token-leak');
    await expect(page.getByRole('checkbox', { name: CODE_FLOW })).not.toBeChecked();
    await expect(page.getByText('A fragment is never sent in a Referer header')).toBeVisible();
    // Chromium itself carries the fragment across the app's 303 (whose Location has none) to the attacker.
    const arrivals: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && frame.url().includes('/attacks/attacker/token-catcher'))
        arrivals.push(frame.url());
    });
    await page.getByRole('button', { name: 'Run the attack' }).click();
    await expect(outcome(page)).toContainText('Attack succeeded', { timeout: 60_000 });
    await expect(page).toHaveURL(/\/attacks\/implicit-token-leak$/);
    expect(arrivals).toHaveLength(1);
    expect(new URL(arrivals[0]!).hash).toMatch(/access_token=/);
    await expect(outcome(page)).toContainText('@alice’s account');
    await expect(attacker(page)).toContainText('a stolen access token');
    // The implicit app never made PKCE part of its request: the diagram does not show it holding a verifier.
    const client = page.getByRole('group', { name: 'Client', exact: true });
    await expect(client).toContainText('no secret (public client)');
    await expect(client).not.toContainText('code_verifier');
    await expect(loot(page)).toContainText(
      'access token (read from the URL fragment by the attacker’s page, reached through the app’s open redirect, client lab-implicit-open-redirect)',
    );
    await axe(page, 'implicit-token-leak, succeeded');
  });

  test('with the code flow and PKCE the attacker’s page receives nothing and the attacker holds no token', async ({
    page,
  }) => {
    await openAttack(page, 'implicit-token-leak');
    await page.getByRole('checkbox', { name: CODE_FLOW }).check();
    await expect(page.getByRole('checkbox', { name: CODE_FLOW })).toBeChecked();
    const arrivals: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && frame.url().includes('/attacks/attacker/token-catcher'))
        arrivals.push(frame.url());
    });
    await page.getByRole('button', { name: 'Run the attack' }).click();
    await expect(outcome(page)).toContainText('Attack blocked', { timeout: 60_000 });
    // The code came back in the query of the app's redirect URI; the 303 carried neither query nor fragment.
    expect(arrivals.map((url) => new URL(url).search + new URL(url).hash)).toEqual(['']);
    await expect(outcome(page)).toContainText(
      'Stopped by the client (code flow with PKCE: no token in the URL to leak): nothing_stolen (The attacker holds no access token from this run, so it has nothing to replay), HTTP 409.',
    );
    await expect(outcome(page)).toContainText('the code stayed behind in the query');
    await expect(loot(page)).toContainText('Nothing received from this run so far.');
    await axe(page, 'implicit-token-leak, blocked');
  });

  test('runs by keyboard with the defense on', async ({ page }) => {
    await openAttack(page, 'implicit-token-leak');
    const defense = page.getByRole('checkbox', { name: CODE_FLOW });
    await tabTo(page, defense);
    await page.keyboard.press('Space');
    await expect(defense).toBeChecked();
    await pressOn(page, 'Run the attack');
    await expect(outcome(page)).toContainText('Attack blocked', { timeout: 60_000 });
    await expect(outcome(page)).toContainText('nothing_stolen');
  });
});

test('the mix-up and implicit lab routes answer bad input with clear errors, never a 500', async ({
  request,
  learnerCookie,
}) => {
  const headers = { cookie: learnerCookie, 'content-type': 'application/x-www-form-urlencoded' };
  const token = await request.post('/api/attacker/as/token', { headers, data: 'grant_type=password' });
  expect(token.status()).toBe(400);
  expect(await token.json()).toMatchObject({ error: 'invalid_request' });
  const redeem = await request.post('/api/attacker/as/redeem', {
    headers: { ...headers, 'x-playground-run': 'nothing-stolen-run' },
  });
  expect(redeem.status()).toBe(409);
  expect(await redeem.json()).toMatchObject({ error: 'nothing_stolen' });
  const authorize = await request.get('/api/attacker/as/authorize?client_id=playground-web', {
    maxRedirects: 0,
  });
  expect(authorize.status()).toBe(400);
  expect(await authorize.json()).toMatchObject({ error: 'invalid_client' });
  const metadata = await request.get('/.well-known/oauth-authorization-server/api/attacker/as');
  expect(await metadata.json()).toMatchObject({ issuer: expect.stringMatching(/\/api\/attacker\/as$/) });
  const signIn = await request.get(
    '/attacks/implicit-app/sign-in?client_id=lab-implicit-open-redirect&return_to=https%3A%2F%2Fevil.example%2F',
    { maxRedirects: 0 },
  );
  expect(signIn.status()).toBe(400);
  expect(await signIn.json()).toMatchObject({ error: 'invalid_request' });
  const caught = await request.post('/api/attacker/token-catcher', { headers, data: 'access_token=' });
  expect(caught.status()).toBe(400);
  expect(await caught.json()).toMatchObject({ error: 'invalid_request' });
  const callback = await request.get('/attacks/implicit-app/callback', { maxRedirects: 0 });
  expect(callback.status()).toBe(303);
  expect(new URL(callback.headers().location!).pathname).toBe('/callback');
});
