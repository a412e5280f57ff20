import type { Page } from '@playwright/test';
import { AuthorizationServerPage } from '../pages/authorization-server-page';

/**
 * After a step that sent the browser away: signs in as alice and allows at the authorization server, when
 * the trip needs it, until the browser is back on the walkthrough's page (`home`: a grant's by default;
 * an attack's own page, not the lab's other pages a trip passes through).
 */
export async function finishTrip(page: Page, home: RegExp = /\/grants\//) {
  const as = new AuthorizationServerPage(page);
  while (!home.test(page.url())) {
    await as.signInButton.or(as.allowButton).or(page.locator('section[data-progress]')).first().waitFor();
    if (await as.signInButton.isVisible()) await as.signIn('alice', 'wonderland');
    else if (await as.allowButton.isVisible()) {
      await as.allow();
      await page.waitForURL(home);
    }
  }
}
