import { expect, type Locator, type Page } from '@playwright/test';
import type { LogEntry } from '../support/arrow';

/** A grant's walkthrough page, as a learner uses it. */
export class WalkthroughPage {
  constructor(readonly page: Page) {}

  get nextStep(): Locator {
    return this.page.getByRole('button', { name: 'Next step' });
  }
  get back(): Locator {
    return this.page.getByRole('button', { name: 'Back', exact: true });
  }
  get restart(): Locator {
    return this.page.getByRole('button', { name: 'Restart' });
  }
  get stepTitle(): Locator {
    return this.card.locator('h2');
  }
  get card(): Locator {
    return this.page.locator('section[data-progress]');
  }
  get tokens(): Locator {
    return this.page.getByRole('region', { name: 'Tokens' });
  }
  get httpLog(): Locator {
    return this.page.getByRole('region', { name: 'HTTP exchanges' });
  }
  get flowComplete(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Flow complete' });
  }
  get error(): Locator {
    return this.card.getByRole('alert');
  }
  get autoplay(): Locator {
    return this.page.getByRole('group', { name: 'Auto-play' });
  }
  /** What the autopilot (a deep link's replay or auto-play) says it is doing. */
  get autopilotStatus(): Locator {
    return this.autoplay.getByRole('status');
  }
  /** "Step 4 of 6 · …" */
  get stepNumber(): Locator {
    return this.card.locator('p').first();
  }
  /** The instructor's classroom panel, opened from the toolbar. */
  async openClassroom(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Classroom', exact: true }).click();
    return this.page.getByRole('region', { name: 'Classroom' });
  }
  token(name: string): Locator {
    return this.tokens.getByRole('article', { name, exact: true });
  }

  async goto(slug: string) {
    await this.page.goto(`/grants/${slug}`);
    await expect(this.nextStep).toBeEnabled();
  }

  /** Presses "Next step" and waits until the walkthrough has moved on (or left for the server). */
  async next() {
    const before = await this.card.getAttribute('data-progress');
    await this.nextStep.click();
    await expect(async () => {
      if (!/\/(grants|attacks)\//.test(this.page.url())) return;
      expect(await this.card.getAttribute('data-progress')).not.toBe(before);
      await expect(this.page.getByRole('status').filter({ hasText: 'Sending…' })).toHaveCount(0);
    }).toPass();
  }

  /** The HTTP log as lines like `POST /oidc/token 200`, interaction ids replaced by :uid. */
  async logLines(): Promise<string[]> {
    const summaries = await this.httpLog.locator('li summary').allInnerTexts();
    return summaries.map((text) => {
      const match = /(GET|POST|DELETE)\s+(\S+)\s+(\d{3})/.exec(text.replace(/\s+/g, ' '));
      return match
        ? `${match[1]} ${match[2]!.replace(/\/(interaction|auth)\/[A-Za-z0-9_-]{10,}/, '/$1/:uid')} ${match[3]}`
        : text;
    });
  }

  /** The HTTP log's exchanges, oldest first, as their summary lines show them. */
  async logEntries(): Promise<LogEntry[]> {
    return this.httpLog.locator('li summary').evaluateAll((summaries) =>
      summaries.map((summary) => {
        const [number, method, path, status, direction, location] = [...summary.children].map((span) =>
          (span.textContent ?? '').trim(),
        );
        return {
          number: Number(number),
          method: method!,
          path: path!,
          status: Number(status),
          direction: direction!,
          ...(location ? { location: location.replace(/^Location:\s*/, '') } : {}),
        };
      }),
    );
  }
}
