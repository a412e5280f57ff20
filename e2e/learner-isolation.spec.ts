import { expect, test } from './fixtures';
import { WalkthroughPage } from './pages/walkthrough-page';
import { ORIGIN } from './support/origin';

// A class shares one address (here every browser context is 127.0.0.1): each learner is limited on its
// own, and nothing in a trace gives away the learner id that opens it.

async function sendPassword(walkthrough: WalkthroughPage, password: string) {
  await walkthrough.page.getByLabel('password', { exact: true }).fill(password);
  await walkthrough.next();
}

test('two learners behind one address: five wrong passwords lock out only the learner who typed them', async ({
  browser,
}) => {
  const typist = new WalkthroughPage(await (await browser.newContext()).newPage());
  const classmate = new WalkthroughPage(await (await browser.newContext()).newPage());

  await test.step('the typist sends five wrong passwords for alice', async () => {
    await typist.goto('password');
    for (let attempt = 1; attempt <= 5; attempt++) {
      await sendPassword(typist, `not-her-password-${attempt}`);
      await expect(typist.error).toContainText('invalid username or password');
      await typist.error.getByRole('button', { name: 'Try again' }).click();
    }
    await sendPassword(typist, 'wonderland');
    await expect(typist.error).toContainText(
      /Too many failed sign-ins for this account from this browser\. Try again in \d+ minutes\./,
    );
  });

  await test.step('the classmate, at the same address, signs in as alice at once', async () => {
    await classmate.goto('password');
    await sendPassword(classmate, 'wonderland');
    await expect(classmate.token('Access token')).toBeVisible();
    expect((await classmate.logLines())[0]).toBe('POST /oidc/token 200');
  });

  await typist.page.context().close();
  await classmate.page.context().close();
});

test('the trace shows that the learner cookie was sent, never the learner id', async ({ page, context }) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('password');
  await sendPassword(walkthrough, 'wonderland');
  await expect(walkthrough.token('Access token')).toBeVisible();
  // A front-channel request: the browser sends its cookies, the learner cookie among them.
  await page.goto('/oidc/.well-known/openid-configuration');

  const cookie = (await context.cookies()).find(({ name }) => name === 'playground_learner');
  expect(cookie).toBeDefined();
  const [learnerId] = cookie!.value.split('.');
  const trace = await (await page.request.get('/api/trace')).text();
  expect(trace).toContain('playground_learner=[learner id, hidden]');
  expect(trace).toContain('/oidc/token');
  expect(trace).not.toContain(learnerId!);
  expect(trace).not.toContain(cookie!.value);
});

test('a forged X-Forwarded-For does not get a guesser around the limit', async ({ request }) => {
  // No browser, no learner cookie: the requests are counted on the address, which is the socket's.
  const guess = (attempt: number) =>
    request.post('/oidc/token', {
      headers: {
        authorization: `Basic ${Buffer.from('playground-first-party:playground-first-party-secret').toString('base64')}`,
        'x-forwarded-for': `198.51.100.${attempt}`,
      },
      form: { grant_type: 'password', username: 'forged-header-guesser', password: `guess-${attempt}` },
    });
  for (let attempt = 1; attempt <= 5; attempt++) {
    expect(await (await guess(attempt)).json()).toMatchObject({
      error_description: 'invalid username or password',
    });
  }
  expect(await (await guess(6)).json()).toMatchObject({
    error: 'invalid_grant',
    error_description: expect.stringMatching(/for this account from your address/),
  });
});

test('a learner cookie the server did not sign is no learner: it reads no trace and is replaced', async ({
  context,
  page,
}) => {
  const forged = 'AAAAAAAAAAAAAAAAAAAAAA';
  await context.addCookies([{ name: 'playground_learner', value: forged, url: ORIGIN }]);
  const refused = await page.request.get('/api/trace');
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: 'no_learner' });

  await page.goto('/');
  const cookie = (await context.cookies()).find(({ name }) => name === 'playground_learner');
  expect(cookie!.value).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/);
  expect(cookie!.value.startsWith(forged)).toBe(false);
  expect((await page.request.get('/api/trace')).status()).toBe(200);
});
