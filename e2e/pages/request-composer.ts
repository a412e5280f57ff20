import { expect, test, type Locator, type Page } from '@playwright/test';

type Composed = {
  method?: 'GET' | 'POST';
  path: string;
  /** A demo client's id, or none. */
  client?: string;
  headers?: Record<string, string>;
  form?: Record<string, string>;
};

/** "Send your own request" on a challenge page, as a learner fills it in. */
export class RequestComposer {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Send your own request' });
  }
  get answer(): Locator {
    return this.region.getByRole('region', { name: 'Answer' });
  }
  get answerBody(): Locator {
    return this.answer.getByLabel('Answer body');
  }
  get sendButton(): Locator {
    return this.region.getByRole('button', { name: 'Send', exact: true });
  }

  /** Clears the rows of `noun` ("header", "form parameter") and writes `values` in fresh ones. */
  private async fillRows(noun: 'Header' | 'Form parameter', values: Record<string, string>) {
    const remove = this.region.getByRole('button', {
      name: new RegExp(`^Remove ${noun.toLowerCase()} \\d+$`),
    });
    while ((await remove.count()) > 0) await remove.first().click();
    for (const [index, [name, value]] of Object.entries(values).entries()) {
      await this.region.getByRole('button', { name: `Add a ${noun.toLowerCase()}` }).click();
      await this.region.getByLabel(`${noun} ${index + 1} name`).fill(name);
      await this.region.getByLabel(`${noun} ${index + 1} value`).fill(value);
    }
  }

  async compose({ method = 'POST', path, client = 'none', headers = {}, form = {} }: Composed) {
    await this.region.getByLabel('Method').selectOption(method);
    await this.region.getByLabel('Path').fill(path);
    await this.region.getByLabel('Client').selectOption(client === 'none' ? '' : client);
    await this.fillRows('Header', headers);
    await this.fillRows('Form parameter', form);
  }

  /** Composes and sends, and waits for the endpoint's answer; returns its status line's text. */
  async send(composed: Composed) {
    return test.step(`send ${composed.method ?? 'POST'} ${composed.path} as ${composed.client ?? 'no client'}`, async () => {
      await this.compose(composed);
      await this.sendButton.click();
      await expect(this.answer.getByRole('heading').or(this.answer.getByRole('alert'))).toBeVisible();
    });
  }

  /** The answer's body, parsed as the JSON it shows. */
  async answerJson<T>(): Promise<T> {
    return JSON.parse(await this.answerBody.innerText()) as T;
  }
}
