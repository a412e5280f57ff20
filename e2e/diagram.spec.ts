import fs from 'node:fs';
import { GRANTS } from '../machines/registry';
import { expect, test } from './fixtures';
import { Diagram } from './pages/diagram';
import { WalkthroughPage } from './pages/walkthrough-page';

const ROLES = ['Resource Owner', 'Client', 'Authorization Server', 'Resource Server'];

test('the four role nodes are on every grant page', async ({ page }) => {
  const diagram = new Diagram(page);
  for (const { slug } of GRANTS) {
    await new WalkthroughPage(page).goto(slug);
    for (const role of ROLES) await expect(diagram.role(role), `${slug}: ${role}`).toBeVisible();
  }
});

test('after each step the highlighted message is the newest exchange, and the text list follows', async ({
  page,
}) => {
  const walkthrough = new WalkthroughPage(page);
  const diagram = new Diagram(page);
  await walkthrough.goto('password');
  await expect(diagram.messages).toHaveCount(0);
  for (let step = 0; step < 6 && !(await walkthrough.flowComplete.isVisible()); step++) {
    await walkthrough.next();
    // A step's exchanges can still be arriving (the token inspector fetches the JWKS after a token
    // response): compare the log and the diagram as one snapshot, again until no exchange is in flight.
    await expect(async () => {
      const count = await walkthrough.httpLog.locator('li').count();
      if (count === 0) return;
      await expect(diagram.messages).toHaveCount(count, { timeout: 1000 });
      // The newest of the steps' own exchanges: the JWKS and introspection calls that support a step are
      // drawn subdued and never highlighted (e2e/diagram-main-exchange.spec.ts checks every grant).
      const lines = await walkthrough.logLines();
      const position = lines.findLastIndex((line) => !/\/oidc\/(jwks|token\/introspection) /.test(line)) + 1;
      const [method, path, status] = lines[position - 1]!.split(' ');
      await expect(diagram.current).toHaveAttribute(
        'aria-label',
        new RegExp(`^Message ${position}: ${method} ${path!.replace(/[/.]/g, '\\$&')} → ${status}`),
        { timeout: 1000 },
      );
      await expect(diagram.textList.getByRole('listitem')).toHaveCount(count, { timeout: 1000 });
    }).toPass();
  }
  await expect(diagram.role('Client')).toContainText('an access token');
  await expect(diagram.role('Resource Owner')).not.toContainText('session');
});

test('clicking a message selects its exchange in the HTTP log, and the reverse', async ({ page }) => {
  const walkthrough = new WalkthroughPage(page);
  const diagram = new Diagram(page);
  await walkthrough.goto('refresh-token');
  for (let i = 0; i < 4; i++) await walkthrough.next();
  await diagram.message(1).click();
  await expect(diagram.message(1)).toHaveAttribute('aria-pressed', 'true');
  const selected = walkthrough.httpLog.locator('li[aria-current="true"]');
  await expect(selected).toHaveCount(1);
  await expect(selected.locator('summary')).toContainText('POST /oidc/token 200');
  await expect(selected.getByRole('button', { name: 'Copy as curl' })).toBeVisible();

  // Opening an exchange in the log gives the log the pane: the diagram folds, and shows the selection
  // when it is unfolded.
  await walkthrough.httpLog.locator('li summary').nth(2).click();
  await page.getByRole('button', { name: 'Unfold the diagram' }).click();
  await expect(diagram.message(3)).toHaveAttribute('aria-pressed', 'true');
  await expect(diagram.message(1)).toHaveAttribute('aria-pressed', 'false');
});

test('front- and back-channel messages look different, with a legend', async ({ page }) => {
  const walkthrough = new WalkthroughPage(page);
  const diagram = new Diagram(page);
  await walkthrough.goto('authorization-code');
  await expect(diagram.region.getByLabel('Legend')).toContainText('front channel');
  await expect(diagram.region.getByLabel('Legend')).toContainText('back channel');
  await walkthrough.next();
  await page.getByLabel('Username').fill('alice');
  await page.getByLabel('Password').fill('wonderland');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Allow' }).click();
  await page.waitForURL(/\/grants\//);
  await walkthrough.next();
  await walkthrough.next();
  await expect(diagram.message(1)).toHaveAttribute('aria-label', /front channel$/);
  await expect(diagram.message(8)).toHaveAttribute('aria-label', /back channel$/);
  const frontClass = await diagram.message(1).getAttribute('class');
  const backClass = await diagram.message(8).getAttribute('class');
  expect(frontClass).not.toBe(backClass);
});

test('the sequence view toggles with the graph and downloads as a valid SVG', async ({ page }) => {
  const walkthrough = new WalkthroughPage(page);
  const diagram = new Diagram(page);
  await walkthrough.goto('client-credentials');
  await walkthrough.next();
  await walkthrough.next();
  await walkthrough.next();
  await diagram.region.getByRole('button', { name: 'Show sequence view' }).click();
  const svg = diagram.region.getByRole('img', { name: 'Sequence of messages between the four roles' });
  await expect(svg).toContainText('1. POST /oidc/token → 200');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    diagram.region.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('oauth-flow.svg');
  const text = fs.readFileSync((await download.path())!, 'utf8');
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.nodeName,
      texts: doc.querySelectorAll('text').length,
    };
  }, text);
  expect(parsed).toEqual({ error: null, root: 'svg', texts: expect.any(Number) });
  expect(parsed.texts).toBeGreaterThan(4);
  await diagram.region.getByRole('button', { name: 'Show graph view' }).click();
  await expect(diagram.role('Client')).toBeVisible();
});

test('with reduced motion the current message does not travel', async ({ browser }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('client-credentials');
  await walkthrough.next();
  await expect(new Diagram(page).messages).toHaveCount(1);
  await expect(page.getByTestId('travelling-message')).toHaveCount(0);
  await context.close();

  const moving = await browser.newPage();
  const again = new WalkthroughPage(moving);
  await again.goto('client-credentials');
  await again.next();
  await expect(moving.getByTestId('travelling-message')).toHaveCount(1);
  await moving.close();
});
