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
  /** One per exchange of the HTTP log: the first hop of each. */
  get messages(): Locator {
    return this.region.getByRole('button', { name: /^Message \d+:/ });
  }
  /** Every numbered hop, the browser-carried ones ("7a", "7b") included. */
  get hops(): Locator {
    return this.region.getByRole('button', { name: /^Message \d+[a-z]?:/ });
  }
  /** The drawn arrows of the graph, one per hop. */
  get arrows(): Locator {
    return this.region.locator('path.react-flow__edge-path[data-hop]');
  }
  get current(): Locator {
    return this.region.locator('button[data-current]');
  }
  /** The drawn arrow of the highlighted message. */
  get currentArrow(): Locator {
    return this.region.locator('path.react-flow__edge-path[data-current]');
  }
  message(number: number | string): Locator {
    return this.region.getByRole('button', { name: new RegExp(`^Message ${number}:`) });
  }
  get textList(): Locator {
    return this.region.getByRole('list', { name: 'Message sequence' });
  }
  get graph(): Locator {
    return this.region.getByTestId('flow-graph');
  }
  get sequence(): Locator {
    return this.region.getByLabel('Sequence view');
  }
}
