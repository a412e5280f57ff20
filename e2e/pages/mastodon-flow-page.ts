import { expect, type Locator, type Page } from '@playwright/test';
import { WalkthroughPage } from './walkthrough-page';

/** /mastodon, as a learner uses it: name an instance, then step through the flow against it. */
export class MastodonFlowPage extends WalkthroughPage {
  constructor(page: Page) {
    super(page);
  }

  get instanceField(): Locator {
    return this.page.getByLabel('Instance', { exact: true });
  }
  get summary(): Locator {
    return this.page.getByRole('region', { name: 'Instance', exact: true });
  }
  get formError(): Locator {
    return this.page.getByRole('main').getByRole('alert');
  }

  async connect(address: string, { oob = false } = {}) {
    await this.page.goto('/mastodon');
    await this.instanceField.fill(address);
    if (oob) await this.page.getByLabel(/Out of band/).check();
    await this.page.getByRole('button', { name: 'Connect' }).click();
  }

  /** Presses the step's primary button ("Next step", "Post", "Revoke token") and waits for the move. */
  async press(name = 'Next step') {
    const before = await this.card.getAttribute('data-progress');
    await this.card.getByRole('button', { name, exact: true }).click();
    await expect(async () => {
      if (!this.page.url().includes('/mastodon')) return;
      expect(await this.card.getAttribute('data-progress')).not.toBe(before);
      await expect(this.page.getByRole('status').filter({ hasText: 'Sending…' })).toHaveCount(0);
    }).toPass();
  }

  /** Presses "Next step" until the step with this title is ready to send. */
  async advanceTo(title: string) {
    for (let i = 0; i < 20; i += 1) {
      const progress = (await this.card.getAttribute('data-progress')) ?? '';
      if ((await this.stepTitle.innerText()) === title && /:"?ready"?:/.test(progress)) return;
      await this.press();
    }
    throw new Error(`never reached “${title}”`);
  }
}
