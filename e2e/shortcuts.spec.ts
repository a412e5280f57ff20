import { expect, test } from './fixtures';
import { Diagram } from './pages/diagram';
import { WalkthroughPage } from './pages/walkthrough-page';

test('each keyboard shortcut drives the walkthrough', async ({ page }) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('password');
  await page.locator('body').click({ position: { x: 5, y: 5 } });

  const progress = () => walkthrough.card.getAttribute('data-progress');
  let before = await progress();
  await page.keyboard.press('ArrowRight');
  await expect(walkthrough.card).not.toHaveAttribute('data-progress', before!);
  await expect(page.getByRole('heading', { name: 'The response: 200' })).toBeVisible();

  before = await progress();
  await page.keyboard.press(' ');
  await expect(walkthrough.stepTitle).toHaveText('Call the userinfo endpoint');

  await page.keyboard.press('ArrowLeft');
  await expect(walkthrough.stepTitle).toHaveText('Send the user’s password to the token endpoint');

  await page.keyboard.press('d');
  await expect(
    new Diagram(page).region.getByRole('img', { name: 'Sequence of messages between the four roles' }),
  ).toBeVisible();
  await page.keyboard.press('d');
  await expect(new Diagram(page).role('Client')).toBeVisible();

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Restart');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.keyboard.press('r');
  await expect(walkthrough.tokens).toContainText('The client holds no token yet.');
});

test('A plays and pauses auto-play at the chosen pace', async ({ page }) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('password');
  await walkthrough.autoplay.getByLabel('Pace').selectOption({ label: '1 s per step' });
  await page.locator('body').click({ position: { x: 5, y: 5 } });

  await page.keyboard.press('a');
  await expect(walkthrough.autoplay.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(walkthrough.autopilotStatus).toHaveText(
    'Playing, one step every 1 s. It pauses where a person must act.',
  );
  // It steps by itself: the password request is sent and answered without a key or a click.
  await expect(page.getByRole('heading', { name: 'The response: 200' })).toBeVisible();

  await page.keyboard.press('A');
  await expect(walkthrough.autoplay.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(walkthrough.autopilotStatus).toHaveText('Auto-play paused.');

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText(
    'Auto-play: play or pause, at the chosen pace',
  );
});

test('no shortcut fires while typing in a field', async ({ page }) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('password');
  const scope = page.getByLabel('scope', { exact: true });
  await scope.fill('');
  await scope.pressSequentially('read ?dr');
  await scope.press('ArrowRight');
  await scope.press('ArrowLeft');
  await expect(scope).toHaveValue('read ?dr');
  await expect(walkthrough.stepTitle).toHaveText('Send the user’s password to the token endpoint');
  await expect(walkthrough.httpLog).toContainText('No exchanges yet');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  await expect(new Diagram(page).role('Client')).toBeVisible();
  // The a of "read" did not start auto-play either.
  await expect(walkthrough.autoplay.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(walkthrough.autopilotStatus).toHaveText('');
});
