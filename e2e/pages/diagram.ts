import type { Locator, Page } from '@playwright/test';

/** The live four-roles diagram of a walkthrough. */
export class Diagram {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Diagram' });
  }
  role(name: string): Locator {
    return this.region.getByRole('group', { name, exact: true });
  }
  get messages(): Locator {
    return this.region.getByRole('button', { name: /^Message \d+:/ });
  }
  get current(): Locator {
    return this.region.locator('button[data-current]');
  }
  message(number: number): Locator {
    return this.region.getByRole('button', { name: new RegExp(`^Message ${number}:`) });
  }
  get textList(): Locator {
    return this.region.getByRole('list', { name: 'Message sequence' });
  }
}
