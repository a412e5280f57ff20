import { test as base, expect, type BrowserContext } from '@playwright/test';
import { AuthorizationServerPage } from './pages/authorization-server-page';
import { ORIGIN } from './support/origin';

type Fixtures = {
  authorizationServer: AuthorizationServerPage;
  /** The learner cookie of this test's browser context, as a Cookie header (visits the home page once). */
  learnerCookie: string;
};

export async function learnerCookieOf(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/`);
  await page.close();
  const cookie = (await context.cookies(ORIGIN)).find((c) => c.name === 'playground_learner');
  if (!cookie) throw new Error('the playground set no learner cookie on the first visit');
  return `playground_learner=${cookie.value}`;
}

export const test = base.extend<Fixtures>({
  authorizationServer: async ({ page }, use) => {
    await use(new AuthorizationServerPage(page));
  },
  learnerCookie: async ({ context }, use) => {
    await use(await learnerCookieOf(context));
  },
});

export { expect };
