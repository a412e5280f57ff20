import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { attacker, axe, loot, outcome } from './pages/attack-lab';
import { pressOn, tabTo } from './flows/keyboard';
import { WalkthroughPage } from './pages/walkthrough-page';

// bearer-token-replay for real, in Chromium against the production build: alice's app gets a token on
// the authorization server's own pages, the token leaks to the lab's attacker, and the attacker's server
// replays it at the playground's resource server. The refusals are the resource server's own.

const SLUG = 'bearer-token-replay';
const DEFENSE = 'Defense: DPoP sender-constrained tokens';
const ACCOUNT = '/api/v1/accounts/verify_credentials';
const AS_BEARER =
  'WWW-Authenticate: DPoP algs="ES256 Ed25519 EdDSA", error="invalid_token", error_description="the access token is DPoP-bound: present it with Authorization: DPoP and a proof, not as a Bearer token"';
const WRONG_KEY =
  'WWW-Authenticate: DPoP algs="ES256 Ed25519 EdDSA", error="invalid_token", error_description="the proof is signed by a key the access token is not bound to"';

async function open(page: Page) {
  await page.goto(`/attacks/${SLUG}`);
  await expect(page.getByRole('button', { name: 'Next step' })).toBeEnabled();
}

/** The run's exchanges with the API, in order, as the HTTP log shows them. */
async function apiCalls(walkthrough: WalkthroughPage) {
  return (await walkthrough.logLines()).filter(
    (line) => line.includes(ACCOUNT) || line.includes('/oidc/token'),
  );
}

test('with bearer tokens the leaked token alone reads alice’s account from the attacker’s server', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page);
  await axe(page, SLUG);
  await expect(page.getByRole('checkbox', { name: DEFENSE })).not.toBeChecked();
  // The weak client is named as such on the page; the defended one is not.
  const client = (id: string) => page.locator('span', { has: page.getByText(id, { exact: true }) });
  await expect(client('lab-spa-bearer-tokens')).toHaveText('lab-spa-bearer-tokensdeliberately vulnerable');
  await expect(client('lab-spa-dpop')).not.toContainText('deliberately vulnerable');
  await page.getByRole('button', { name: 'Run the attack' }).click();
  // alice signs in and consents on the authorization server's own pages, unattended, and comes back.
  await expect(outcome(page)).toContainText('Attack succeeded', { timeout: 60_000 });
  await expect(outcome(page)).toBeInViewport();
  await expect(outcome(page)).toContainText(
    `From its own server the attacker replayed the leaked token as a Bearer token at GET ${ACCOUNT} and was answered with @alice’s account.`,
  );
  await expect(attacker(page)).toContainText('a stolen access token');
  await expect(attacker(page)).not.toContainText('DPoP');
  await expect(loot(page)).toContainText(
    'access token (sent by the injected script, client lab-spa-bearer-tokens)',
  );
  const walkthrough = new WalkthroughPage(page);
  await expect(walkthrough.token('Access token')).not.toContainText('"jkt"');
  // One token request (no proof, no nonce), the attacker's replay and the app's own call, both answered.
  await expect
    .poll(() => apiCalls(walkthrough))
    .toEqual(['POST /oidc/token 200', `GET ${ACCOUNT} 200`, `GET ${ACCOUNT} 200`]);
  await axe(page, `${SLUG}, succeeded`);
});

test('with DPoP both replays are refused by the resource server, and alice’s app still works (run by keyboard)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page);
  const defense = page.getByRole('checkbox', { name: DEFENSE });
  await tabTo(page, defense);
  await page.keyboard.press('Space');
  await expect(defense).toBeChecked();
  await pressOn(page, 'Run the attack');
  await expect(outcome(page)).toContainText('Attack blocked', { timeout: 60_000 });
  await expect(outcome(page)).toContainText(
    'Stopped by the resource server (DPoP: the token is bound to the app’s key, cnf.jkt): invalid_token (the proof is signed by a key the access token is not bound to), HTTP 401.',
  );
  await expect(outcome(page)).toContainText(`Replayed as a Bearer token: HTTP 401 with ${AS_BEARER}.`);
  await expect(outcome(page)).toContainText(
    `With a proof by the attacker’s own key: HTTP 401 with ${WRONG_KEY}.`,
  );
  await expect(outcome(page)).toContainText(
    'alice’s app, with its own key, still reads her account (HTTP 200, @alice).',
  );
  // The attacker holds the token, and a key of its own, but not the key the token is bound to.
  await expect(attacker(page)).toContainText(
    'alice’s access token (DPoP-bound), but not the private key it is bound to',
  );
  await expect(attacker(page)).toContainText('a DPoP key pair of its own');
  await expect(page.getByRole('group', { name: 'Client' })).toContainText('a DPoP-bound access token');
  await expect(loot(page)).toContainText('access token (sent by the injected script, client lab-spa-dpop)');
  const walkthrough = new WalkthroughPage(page);
  await expect(walkthrough.token('Access token')).toContainText('"jkt"');
  // The nonce dance at the token endpoint, then three real calls to the resource server.
  await expect
    .poll(() => apiCalls(walkthrough))
    .toEqual([
      'POST /oidc/token 400',
      'POST /oidc/token 200',
      `GET ${ACCOUNT} 401`,
      `GET ${ACCOUNT} 401`,
      `GET ${ACCOUNT} 200`,
    ]);
  await page.getByText('The server’s side of the story').click();
  await expect(
    page.getByText(/the proof is signed by a key the access token is not bound to/).first(),
  ).toBeVisible();
  await expect(page.getByText('In the real world:')).toBeVisible();
  await axe(page, `${SLUG}, blocked`);
});

test('the attacker’s replay route answers bad input with clear errors, never a 500', async ({
  request,
  learnerCookie,
}) => {
  const headers = {
    cookie: learnerCookie,
    'content-type': 'application/x-www-form-urlencoded',
    'x-playground-run': 'nothing-leaked-run',
  };
  const unknown = await request.post('/api/attacker/bearer-token-replay', { headers, data: 'as=app-key' });
  expect(unknown.status()).toBe(400);
  expect(await unknown.json()).toMatchObject({ error: 'invalid_request' });
  const nothing = await request.post('/api/attacker/bearer-token-replay', { headers, data: 'as=bearer' });
  expect(nothing.status()).toBe(409);
  expect(await nothing.json()).toMatchObject({ error: 'nothing_stolen' });
  const anonymous = await request.post('/api/attacker/bearer-token-replay', { data: 'as=bearer' });
  expect(anonymous.status()).toBe(401);
});
