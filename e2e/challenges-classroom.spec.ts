import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { WalkthroughPage } from './pages/walkthrough-page';
import { ORIGIN } from './support/origin';

// A class on the challenges: students count their checks in the instructor's room, with a name if they
// like; the instructor sees, per challenge, how many solved it and how many are trying, and the projector
// shows names only when the instructor chooses.

/** A student joins the room and has their challenge checks counted in it (with a name, or without). */
async function countMeIn(page: Page, joinUrl: string, name?: string) {
  await page.goto(joinUrl);
  await page.getByText('Challenges', { exact: true }).click();
  if (name) await page.getByLabel('Display name (optional)').fill(name);
  await page.getByRole('button', { name: 'Count my challenges here' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Your challenge checks count in this room' }),
  ).toBeVisible();
}

async function check(page: Page, slug: string) {
  await page.goto(`/challenges/${slug}`);
  await expect(page.getByText(/^Counted in classroom /)).toBeVisible();
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Result' }).getByRole('heading')).toBeVisible();
}

/** The client credentials walkthrough with a JWT for the API, and its claims read off the trace. */
async function readMyToken(page: Page) {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('client-credentials');
  await page.getByLabel('resource', { exact: true }).fill(`${ORIGIN}/api`);
  for (let i = 0; i < 4 && !(await page.getByText('sent: 200 OK').isVisible()); i++) await walkthrough.next();
  const { events } = (await (await page.request.get('/api/trace')).json()) as {
    events: { request: { url: string }; response: { status: number; body: string } }[];
  };
  const issued = events.filter(
    (event) => event.request.url.endsWith('/oidc/token') && event.response.status === 200,
  );
  const { access_token } = JSON.parse(issued.at(-1)!.response.body) as { access_token: string };
  const claims = JSON.parse(Buffer.from(access_token.split('.')[1]!, 'base64url').toString()) as {
    aud: string;
    scope: string;
    exp: number;
  };
  await page.goto('/challenges/read-a-token');
  await page.getByLabel('Audience').fill(claims.aud);
  await page.getByLabel('Scope', { exact: true }).fill(claims.scope);
  await page.getByLabel('Expires').fill(String(claims.exp));
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(
    page.getByRole('region', { name: 'Result' }).getByRole('heading', { name: 'Solved' }),
  ).toBeVisible();
}

test('the class’s progress on the challenges reaches the instructor, names only where chosen', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const instructorContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const annContext = await browser.newContext();
  const boContext = await browser.newContext();
  try {
    const instructor = new WalkthroughPage(await instructorContext.newPage());
    await instructor.goto('authorization-code-pkce');
    const classroom = await instructor.openClassroom();
    await classroom.getByRole('button', { name: 'Start a classroom room' }).click();
    const code = (await classroom.getByLabel('Join code').innerText()).trim().replace('-', '');
    await classroom.getByRole('link', { name: 'Class progress' }).click();
    const progress = instructor.page.getByRole('status', { name: 'Class progress' });
    await expect(progress).toContainText('0 students connected');

    const ann = await annContext.newPage();
    const bo = await boContext.newPage();
    await countMeIn(ann, `${ORIGIN}/join/${code}`, 'Ann');
    await countMeIn(bo, `${ORIGIN}/join/${code}`);
    await check(ann, 'replayed-code');
    await readMyToken(ann);
    await check(bo, 'read-a-token');

    const bar = (name: string) => instructor.page.getByRole('listitem', { name });
    await expect(bar('Read your own token: 1 solved, 1 trying')).toBeVisible();
    await expect(bar('A code works once: 0 solved, 1 trying')).toBeVisible();
    await expect(bar('A token for bob that can only read: 0 solved, 0 trying')).toBeVisible();
    const named = instructor.page.getByRole('region', { name: 'Students who gave a name' });
    await expect(named).toContainText('Ann: solved Read your own token; trying A code works once');
    // Nothing of a student's trace reaches the instructor: no token, no exchange.
    await expect(instructor.page.locator('body')).not.toContainText('eyJ');

    // On the projector: one bar per challenge, and names only when the instructor shows them.
    await instructor.page.goto('/challenges/class?present=1');
    await expect(bar('Read your own token: 1 solved, 1 trying')).toBeVisible();
    await expect(named).toContainText('Names are hidden on the projector. 1 students gave one.');
    await expect(named).not.toContainText('Ann');
    await named.getByRole('button', { name: 'Show names' }).click();
    await expect(named).toContainText('Ann: solved Read your own token');
    const { violations } = await new AxeBuilder({ page: instructor.page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    // A student stops counting: the next check is theirs alone.
    await bo.goto('/challenges/replayed-code');
    await bo.getByRole('button', { name: 'Stop counting there' }).click();
    await bo.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(bo.getByRole('region', { name: 'Result' }).getByRole('heading')).toBeVisible();
    await expect(bar('A code works once: 0 solved, 1 trying')).toBeVisible();
  } finally {
    await Promise.all([instructorContext.close(), annContext.close(), boContext.close()]);
  }
});
