import type { Locator, Page } from '@playwright/test';

/** The authorization server's login and consent pages, as a learner meets them. */
export class AuthorizationServerPage {
  constructor(readonly page: Page) {}

  get banner(): Locator {
    return this.page.getByText('Authorization Server', { exact: true });
  }
  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }
  get username(): Locator {
    return this.page.getByLabel('Username');
  }
  get password(): Locator {
    return this.page.getByLabel('Password');
  }
  get signInButton(): Locator {
    return this.page.getByRole('button', { name: 'Sign in' });
  }
  get allowButton(): Locator {
    return this.page.getByRole('button', { name: 'Allow' });
  }
  get denyButton(): Locator {
    return this.page.getByRole('button', { name: 'Deny' });
  }
  /** The page's own alert (Next's route announcer is an alert region too, outside main). */
  get alert(): Locator {
    return this.page.getByRole('main').getByRole('alert');
  }

  async signIn(username: string, password: string) {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.signInButton.click();
  }

  async allow() {
    await this.allowButton.click();
  }

  async deny() {
    await this.denyButton.click();
  }
}
