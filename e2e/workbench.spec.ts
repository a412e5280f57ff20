import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { GRANTS } from '../machines/registry';
import { expect, test } from './fixtures';
import { inView, onScreen } from './support/on-screen';
import { AuthorizationServerPage } from './pages/authorization-server-page';
import { Diagram } from './pages/diagram';
import { WalkthroughPage } from './pages/walkthrough-page';
import { renderedTextSizes } from './support/rendered-text';

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
];

/** "Next step", and through the authorization server's pages as alice when the step leaves for them. */
async function nextStep(page: Page, walkthrough: WalkthroughPage) {
  await walkthrough.next();
  if (page.url().includes('/grants/')) return;
  const as = new AuthorizationServerPage(page);
  await as.signIn('alice', 'wonderland');
  await as.allow();
  await page.waitForURL(/\/grants\//);
  await expect(walkthrough.nextStep).toBeVisible();
}

const newestExchange = (walkthrough: WalkthroughPage) => walkthrough.httpLog.locator('li summary').last();

for (const viewport of VIEWPORTS) {
  test.describe(`the workbench at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    for (const { slug } of GRANTS) {
      test(`${slug}: after two steps the step's button, the diagram and the newest exchange are on screen, unscrolled`, async ({
        page,
      }) => {
        const walkthrough = new WalkthroughPage(page);
        const diagram = new Diagram(page);
        await walkthrough.goto(slug);
        expect(await onScreen(walkthrough.nextStep)).toBe(1);

        for (let press = 1; press <= 2; press++) {
          await nextStep(page, walkthrough);
          await expect(walkthrough.httpLog.locator('li')).not.toHaveCount(0);
          // Settled: the diagram draws every exchange the log lists.
          await expect(async () => {
            const count = await walkthrough.httpLog.locator('li').count();
            await expect(diagram.messages).toHaveCount(count);
          }).toPass();

          expect(await page.evaluate(() => [window.scrollX, window.scrollY])).toEqual([0, 0]);
          expect(await onScreen(walkthrough.nextStep)).toBe(1);
          expect(await onScreen(page.getByTestId('flow-graph'))).toBeGreaterThan(0.9);
          for (const role of ['Resource Owner', 'Client', 'Authorization Server', 'Resource Server'])
            expect(await onScreen(diagram.role(role).getByText(role, { exact: true }))).toBe(1);
          const newest = newestExchange(walkthrough);
          expect(await onScreen(newest)).toBe(1);
          await expect(newest).toContainText(/(GET|POST) \/\S* \d{3}/);
          await expect(newest).toContainText('→');
        }

        // Its full request and response open in place, in one click.
        await newestExchange(walkthrough).click();
        const opened = walkthrough.httpLog.locator('li').last().getByLabel('Request', { exact: true });
        await expect(opened).toBeVisible();
        expect(await page.evaluate(() => window.scrollY)).toBe(0);
      });
    }
  });
}

test('at 1280x720 the log shows the step’s own message beside the supporting call that followed it, unscrolled', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const walkthrough = new WalkthroughPage(page);
  await page.goto('/grants/authorization-code-pkce?step=3&login=alice');
  await expect(walkthrough.stepNumber).toContainText('Step 3 of', { timeout: 60_000 });
  await expect(walkthrough.nextStep).toBeEnabled();
  await walkthrough.next();
  const entries = walkthrough.httpLog.locator('li summary');
  const token = entries.filter({ hasText: 'POST /oidc/token' });
  await expect(entries.last()).toContainText('GET /oidc/jwks');
  await expect(token).toHaveCount(1);
  // The token request is the step's own message: it and the JWKS call after it are both read in the pane.
  await expect.poll(() => inView(token)).toBe(1);
  await expect.poll(() => inView(entries.last())).toBe(1);
  expect(await onScreen(walkthrough.nextStep)).toBe(1);
  expect(await onScreen(page.getByTestId('flow-graph'))).toBeGreaterThan(0.9);
});

test('at 1440x900 the roles and what they hold are drawn at 14 px or more', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('client-credentials');
  await walkthrough.next();
  await walkthrough.next();
  const sizes = await renderedTextSizes(page.getByTestId('flow-graph').locator('.react-flow__node'));
  expect(sizes.length).toBeGreaterThan(8);
  expect(Math.min(...sizes.map(({ size }) => size))).toBeGreaterThanOrEqual(14);
});

test('the instructor tools are in the toolbar, not between the step and the diagram', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('password');
  const classroom = page.getByRole('region', { name: 'Classroom' });
  await expect(classroom).toBeHidden();
  await expect(page.getByLabel('Step link')).toBeHidden();
  const card = (await walkthrough.card.boundingBox())!;
  const diagram = (await new Diagram(page).region.boundingBox())!;
  // Side by side: the diagram starts level with the step pane, to its right.
  expect(diagram.x).toBeGreaterThanOrEqual(card.x + card.width);

  await expect(await walkthrough.openClassroom()).toBeVisible();
  await page.getByRole('button', { name: 'Link to this step' }).click();
  await expect(page.getByLabel('Step link')).toHaveValue(/\/grants\/password\?step=1/);

  // Tokens: one click away.
  await walkthrough.next();
  await page.getByRole('button', { name: 'Show tokens' }).click();
  await expect(walkthrough.tokens).toBeFocused();
  expect(await onScreen(walkthrough.token('Access token').locator('h3').first())).toBe(1);
});

test('keyboard order follows the reading order: step, diagram, log', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const walkthrough = new WalkthroughPage(page);
  const diagram = new Diagram(page);
  await walkthrough.goto('password');
  await walkthrough.next();
  await walkthrough.restart.focus();
  await page.keyboard.press('Tab');
  await expect(diagram.region.locator(':focus')).toHaveCount(1);
  for (let i = 0; i < 20 && (await diagram.region.locator(':focus').count()); i++)
    await page.keyboard.press('Tab');
  // The log's pane (focusable, so that the keyboard can scroll it), then the exchanges in it.
  const logPane = page.getByRole('group', { name: 'Exchanges of this run' });
  await expect(logPane).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(walkthrough.httpLog.locator(':focus')).toHaveCount(1);
});

test('with reduced motion no message travels along the lines', async ({ browser }) => {
  const context = await browser.newContext({
    reducedMotion: 'reduce',
    viewport: { width: 1440, height: 900 },
  });
  try {
    const page = await context.newPage();
    const walkthrough = new WalkthroughPage(page);
    await walkthrough.goto('password');
    await walkthrough.next();
    await expect(new Diagram(page).current).toHaveCount(1);
    await expect(page.getByTestId('travelling-message')).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test('below 1024 px the parts stack and the diagram follows the step card', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 900 });
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('client-credentials');
  const card = (await walkthrough.card.boundingBox())!;
  const diagram = (await new Diagram(page).region.boundingBox())!;
  const log = (await walkthrough.httpLog.boundingBox())!;
  expect(diagram.y).toBeGreaterThanOrEqual(card.y + card.height);
  expect(diagram.y - (card.y + card.height)).toBeLessThan(40);
  expect(log.y).toBeGreaterThan(diagram.y + diagram.height - 1);
});

test('the workbench passes an axe scan with exchanges and the toolbar menus open', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('client-credentials');
  await walkthrough.next();
  await newestExchange(walkthrough).click();
  await walkthrough.openClassroom();
  await page.getByRole('button', { name: 'Link to this step' }).click();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(
    violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});

test('compare: the differences come before both runs and each run draws its roles across its canvas', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/compare?left=authorization-code-pkce&right=client-credentials');
  const table = page.getByRole('region', { name: 'Comparison' });
  await expect(table.getByRole('table')).toBeVisible();
  expect(await onScreen(table.getByRole('heading', { name: 'How they differ' }))).toBe(1);
  for (const side of ['Left', 'Right']) {
    const run = page.getByRole('region', { name: new RegExp(`^${side}: `) });
    const canvas = (await run.getByTestId('flow-graph').boundingBox())!;
    expect((await table.boundingBox())!.y).toBeLessThan(canvas.y);
    const nodes = await run
      .locator('.react-flow__node')
      .evaluateAll((elements) =>
        elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect),
      );
    const left = Math.min(...nodes.map((node) => node.left));
    const right = Math.max(...nodes.map((node) => node.right));
    const top = Math.min(...nodes.map((node) => node.top));
    const bottom = Math.max(...nodes.map((node) => node.bottom));
    // No large empty canvas: the four roles span most of it both ways (58% of its height before).
    expect((right - left) / canvas.width).toBeGreaterThan(0.8);
    expect((bottom - top) / canvas.height).toBeGreaterThan(0.7);
    const sizes = await renderedTextSizes(run.locator('.react-flow__node strong'));
    expect(Math.min(...sizes.map(({ size }) => size))).toBeGreaterThanOrEqual(11);
  }
});

test.describe('the log and the tokens get the right pane when they are read', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  async function toTokens(page: Page, walkthrough: WalkthroughPage) {
    await walkthrough.goto('authorization-code-pkce');
    for (let press = 0; press < 4; press++) await nextStep(page, walkthrough);
    await expect(walkthrough.token('ID token')).toBeVisible();
  }

  test('an opened exchange is read whole: the diagram folds away, and unfolds at the next step', async ({
    page,
  }) => {
    const walkthrough = new WalkthroughPage(page);
    await toTokens(page, walkthrough);
    const token = walkthrough.httpLog.locator('li').filter({ hasText: 'POST /oidc/token' }).last();
    await token.locator('summary').click();
    await expect(page.getByTestId('flow-graph')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Unfold the diagram' })).toBeVisible();
    const pane = (await page.getByRole('group', { name: 'Exchanges of this run' }).boundingBox())!;
    expect(pane.height).toBeGreaterThan(600);
    await token.getByLabel(/^Response \d{3}$/).scrollIntoViewIfNeeded();
    expect(await inView(token.getByLabel(/^Response \d{3}$/))).toBe(1);

    await walkthrough.next();
    await expect(page.getByTestId('flow-graph')).toBeVisible();
  });

  test('the decoded ID token is read whole, without scrolling a strip', async ({ page }) => {
    const walkthrough = new WalkthroughPage(page);
    await toTokens(page, walkthrough);
    await page.getByRole('button', { name: 'Show tokens' }).click();
    const idToken = walkthrough.token('ID token');
    await idToken.scrollIntoViewIfNeeded();
    expect(await inView(idToken)).toBe(1);
  });

  test('the wheel over the diagram scrolls the right pane on', async ({ page }) => {
    const walkthrough = new WalkthroughPage(page);
    await toTokens(page, walkthrough);
    const pane = page.getByRole('group', { name: 'Exchanges of this run' });
    await pane.evaluate((element) => element.scrollTo({ top: 0 }));
    const graph = (await page.getByTestId('flow-graph').boundingBox())!;
    await page.mouse.move(graph.x + graph.width / 2, graph.y + graph.height / 2);
    await page.mouse.wheel(0, 300);
    await expect.poll(() => pane.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
    // The diagram folded to its heading to give the log the pane, and unfolds on request.
    await expect(page.getByTestId('flow-graph')).toBeHidden();
    await page.getByRole('button', { name: 'Unfold the diagram' }).click();
    await expect(page.getByTestId('flow-graph')).toBeVisible();
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the instructor tools sit behind one menu and the diagram starts as a sequence', async ({ page }) => {
    const walkthrough = new WalkthroughPage(page);
    await walkthrough.goto('authorization-code-pkce');
    const tools = page.getByRole('button', { name: 'Instructor tools' });
    await expect(tools).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('button', { name: 'Classroom', exact: true })).toBeHidden();
    await expect(page.getByRole('group', { name: 'Auto-play' })).toBeHidden();
    expect(await onScreen(walkthrough.nextStep)).toBe(1);
    await tools.click();
    await expect(page.getByRole('button', { name: 'Classroom', exact: true })).toBeVisible();
    await expect(new Diagram(page).region.getByRole('button', { name: 'Show graph view' })).toBeVisible();
  });

  test('the view moves to the new result after each step', async ({ page }) => {
    const walkthrough = new WalkthroughPage(page);
    await walkthrough.goto('client-credentials');
    await walkthrough.next();
    const response = walkthrough.card.getByRole('heading', { name: /The response: 200/ });
    expect(await inView(response)).toBe(1);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await walkthrough.next();
    expect(await inView(walkthrough.stepTitle)).toBe(1);
  });
});
