import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from '../fixtures';

/** What every attack lab page has: the Outcome, the Attacker on the diagram, the attacker's loot. */
export const outcome = (page: Page) => page.getByRole('status', { name: 'Outcome', exact: true });
export const attacker = (page: Page) => page.getByRole('group', { name: 'Attacker', exact: true });
export const loot = (page: Page) => page.getByRole('region', { name: 'What the attacker’s server holds' });

/** After a step: "Next step" can be pressed again, or the run has its outcome. */
export const readyOrDone = (page: Page) =>
  page
    .locator('button:enabled', { hasText: /^Next step$/ })
    .or(outcome(page).getByText(/^Attack (succeeded|blocked)$/));

/** Opens a scenario's page and waits until its run is ready. */
export async function openAttack(page: Page, slug: string) {
  await page.goto(`/attacks/${slug}`);
  await expect(page.getByRole('button', { name: 'Next step' })).toBeEnabled();
}

/** No serious or critical axe violation on the page, named by `what` when there is one. */
export async function axe(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${what}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
    [],
  );
}
