import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { tabTo } from './flows/keyboard';
import { AuthorizationServerPage } from './pages/authorization-server-page';
import { outcome, readyOrDone } from './pages/attack-lab';
import { WalkthroughPage } from './pages/walkthrough-page';

// The attack challenges done by hand, by a scripted learner in Chromium against the production build:
// alice's side runs on the attack lab's scenario pages, step by step; the learner plays the attacker
// with the challenge page's Attacker's tools, pasting what alice's side leaked; Check grades what the
// playground's servers recorded.

type Recorded = {
  request: { method: string; url: string; headers: [string, string][] };
  response: { status: number; headers: [string, string][]; body: string | null };
};

/** The learner's own trace, as GET /api/trace answers it (what curl with the cookie would read). */
async function traceOf(page: Page): Promise<Recorded[]> {
  return ((await (await page.request.get('/api/trace')).json()) as { events: Recorded[] }).events;
}

const header = (headers: [string, string][], name: string) =>
  headers.find(([key]) => key.toLowerCase() === name)?.[1];
const byAttacker = (event: Recorded) => header(event.request.headers, 'x-playground-party') === 'attacker';

/** alice's newest code, read off the redirect that carried it to /callback (the HTTP log shows the same). */
async function alicesNewestCode(page: Page): Promise<string> {
  const issued = (await traceOf(page)).findLast((event) =>
    new URL(header(event.response.headers, 'location') ?? '/', 'http://x').searchParams.has('code'),
  )!;
  expect(byAttacker(issued)).toBe(false);
  return new URL(header(issued.response.headers, 'location')!, 'http://x').searchParams.get('code')!;
}

/** The newest access token a client was issued, and its type. */
async function alicesNewestToken(page: Page) {
  const issued = (await traceOf(page)).findLast(
    (event) =>
      event.request.url.endsWith('/oidc/token') && event.response.status === 200 && !byAttacker(event),
  )!;
  return JSON.parse(issued.response.body!) as { access_token: string; token_type: string };
}

/** A scenario's page with a run not started yet (the one this browser left is restarted), its defense set. */
async function freshRun(page: Page, slug: string, defense: { name: string; on: boolean }) {
  await page.goto(`/attacks/${slug}`);
  await expect(readyOrDone(page)).toBeVisible();
  if (!(await outcome(page).innerText()).includes('Not run yet')) {
    await new WalkthroughPage(page).restart.click();
    await expect(outcome(page)).toContainText('Not run yet');
  }
  await page.getByRole('checkbox', { name: defense.name }).setChecked(defense.on);
  await expect(page.getByRole('button', { name: 'Next step' })).toBeEnabled();
}

/**
 * alice's side on a scenario's page, step by step, with its defense as given: she signs in on the
 * authorization server's own pages, and the steps go on until the card shows `stopAt`, unsent.
 */
async function alicesSide(page: Page, slug: string, defense: { name: string; on: boolean }, stopAt: string) {
  await freshRun(page, slug, defense);
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.next();
  const as = new AuthorizationServerPage(page);
  // Signed in already from the first run, alice may only be asked to consent, or not at all.
  await page.waitForURL(/\/(interaction|attacks)\//);
  if (page.url().includes('/interaction/')) {
    await expect(as.username.or(as.allowButton).first()).toBeVisible();
    if (await as.username.isVisible()) await as.signIn('alice', 'wonderland');
    await as.allow();
  }
  await page.waitForURL(new RegExp(`/attacks/${slug}`));
  for (let i = 0; i < 8 && (await walkthrough.stepTitle.textContent()) !== stopAt; i++)
    await walkthrough.next();
  await expect(walkthrough.stepTitle).toHaveText(stopAt);
}

/** The Attacker's tools on a challenge's page, and the answer they show. */
class AttackerTools {
  constructor(readonly page: Page) {}
  get region(): Locator {
    return this.page.getByRole('region', { name: 'Attacker’s tools' });
  }
  get answer(): Locator {
    return this.region.getByRole('region', { name: 'The attacker’s server answered' });
  }
  async open(slug: string) {
    await this.page.goto(`/challenges/${slug}`);
    await expect(this.region).toBeVisible();
  }
  async give(kind: 'authorization code' | 'access token', value: string) {
    await this.region.getByLabel('Kind').selectOption({ label: kind });
    await this.region.getByLabel('Stolen value').fill(value);
    await this.press('Give it to the attacker');
    await expect(this.answer).toContainText('POST /api/attacker/loot: HTTP 201');
  }
  async press(name: string) {
    await this.region.getByRole('button', { name }).click();
    await expect(this.answer).not.toContainText('Sending…');
  }
}

async function check(page: Page) {
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const result = page.getByRole('region', { name: 'Result' });
  await expect(result.getByRole('heading')).toBeVisible();
  return result;
}

test('steal a code: the attacker redeems alice’s code without PKCE, and is refused with it', async ({
  page,
}) => {
  const tools = new AttackerTools(page);
  const pkce = { name: 'Defense: PKCE', on: false };
  const theft = 'The malicious app catches the code';

  await alicesSide(page, 'authorization-code-interception', pkce, theft);
  await tools.open('stolen-code');
  await tools.press('Redeem the caught code');
  await expect(tools.answer).toContainText('HTTP 409');
  await expect(tools.answer.getByRole('alert')).toContainText('Hand it a stolen value first');
  await tools.give('authorization code', await alicesNewestCode(page));
  await tools.press('Redeem the caught code');
  await expect(tools.answer).toContainText('POST /api/attacker/redeem-code: HTTP 200');
  await expect(tools.answer).toContainText('"access_token"');
  const halfway = await check(page);
  await expect(halfway).toContainText('Not yet');
  await expect(halfway).toContainText('Now repeat the theft with PKCE on');

  await alicesSide(page, 'authorization-code-interception', { ...pkce, on: true }, theft);
  await tools.open('stolen-code');
  await tools.give('authorization code', await alicesNewestCode(page));
  await tools.press('Redeem the caught code');
  await expect(tools.answer).toContainText('POST /api/attacker/redeem-code: HTTP 400');
  await expect(tools.answer).toContainText('"error": "invalid_grant"');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  const solved = await check(page);
  await expect(solved.getByRole('heading', { name: 'Solved' })).toBeVisible();
  await expect(solved).toContainText('invalid_grant: it had no code_verifier');
});

test('the scenario’s own attacker, one button, does not solve it: “Not yet”, and why', async ({ page }) => {
  await freshRun(page, 'authorization-code-interception', { name: 'Defense: PKCE', on: false });
  await page.getByRole('button', { name: 'Run the attack' }).click();
  await expect(outcome(page)).toContainText('Attack succeeded', { timeout: 30_000 });
  await new AttackerTools(page).open('stolen-code');
  const verdict = await check(page);
  await expect(verdict).toContainText('Not yet');
  await expect(verdict).toContainText('was the scenario’s own step, in the run that leaked the code');
});

test('a leaked token: the attacker replays alice’s bearer token, and is refused her DPoP-bound one', async ({
  page,
}) => {
  const tools = new AttackerTools(page);
  const dpop = { name: 'Defense: DPoP sender-constrained tokens', on: false };
  const leak = 'The access token leaks to the attacker';

  await alicesSide(page, 'bearer-token-replay', dpop, leak);
  await tools.open('leaked-bearer-token');
  const bearer = await alicesNewestToken(page);
  expect(bearer.token_type).toBe('Bearer');
  await tools.give('access token', bearer.access_token);
  await tools.press('Call the API with the stolen token');
  await expect(tools.answer).toContainText('POST /api/attacker/call-api: HTTP 200');
  await expect(tools.answer).toContainText('"acct": "alice"');

  await alicesSide(page, 'bearer-token-replay', { ...dpop, on: true }, leak);
  await tools.open('leaked-bearer-token');
  const bound = await alicesNewestToken(page);
  expect(bound.token_type).toBe('DPoP');
  // By keyboard this time: the kind, the value, and Enter on the button.
  await tabTo(page, tools.region.getByLabel('Kind'));
  await page.keyboard.press('ArrowDown');
  await expect(tools.region.getByLabel('client_id it was issued to')).toHaveValue('lab-spa-bearer-tokens');
  await tools.region.getByLabel('Stolen value').fill(bound.access_token);
  await tools.region.getByRole('button', { name: 'Give it to the attacker' }).press('Enter');
  await expect(tools.answer).toContainText('HTTP 201');
  await tools.region.getByRole('button', { name: 'Call the API with the stolen token' }).press('Enter');
  await expect(tools.answer).toContainText('POST /api/attacker/call-api: HTTP 401');
  await expect(tools.answer).toContainText('WWW-Authenticate: DPoP');
  await expect(tools.answer).toContainText('the access token is DPoP-bound');
  const solved = await check(page);
  await expect(solved.getByRole('heading', { name: 'Solved' })).toBeVisible();
  await expect(solved).toContainText('401 with the API’s DPoP challenge');
});

test('a forged login: a lure with no client waiting is “Not yet”; the client without state signs alice in as bob, with state it refuses', async ({
  page,
}) => {
  const tools = new AttackerTools(page);
  await tools.open('forged-callback');
  await tools.press('Open the forged callback');
  await expect(tools.answer.getByRole('alert')).toContainText('The attacker holds no authorization code yet');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await tools.press('Get a code for bob');
  await expect(tools.answer).toContainText('POST /api/attacker/authorization-code: HTTP 201');
  await expect(tools.answer).toContainText('"code_for": "bob"');
  await tools.region.getByRole('button', { name: 'Open the forged callback' }).click();
  // The attacker's page sends this browser to the client's redirect URI with bob's code.
  await page.waitForURL(/\/callback\?code=/);
  await expect(page.getByRole('heading', { name: "Back at the client's redirect_uri" })).toBeVisible();
  await tools.open('forged-callback');
  const unwaited = await check(page);
  await expect(unwaited).toContainText('Not yet');
  await expect(unwaited).toContainText('no client was waiting for an answer there');

  // alice's side: the lab's client, waiting in her browser when the attacker's page sends it there.
  for (const on of [false, true]) {
    await freshRun(page, 'csrf-missing-state', { name: 'Defense: state parameter', on });
    for (let i = 0; i < 12 && !(await outcome(page).innerText()).includes('Attack'); i++) {
      await page.getByRole('button', { name: 'Next step' }).click();
      await page.waitForURL(/\/attacks\/csrf-missing-state/);
      await expect(readyOrDone(page)).toBeVisible();
    }
    await expect(outcome(page)).toContainText(on ? 'state_mismatch' : 'signed in as bob');
  }
  await tools.open('forged-callback');
  const solved = await check(page);
  await expect(solved.getByRole('heading', { name: 'Solved' })).toBeVisible();
  await expect(solved).toContainText('alice was signed in as bob');
});
