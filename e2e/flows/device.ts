import { expect, test, type BrowserContext } from '@playwright/test';
import { AuthorizationServerPage } from '../pages/authorization-server-page';

/**
 * The device flow's "second screen": another tab enters the user code at the verification page,
 * confirms, signs in and allows, until the authorization server says the device is connected.
 */
export async function approveDeviceOnSecondScreen(
  context: BrowserContext,
  verificationUri: string,
  userCode: string,
  { username = 'alice', password = 'wonderland' } = {},
) {
  await test.step(`approve ${userCode} as ${username} on a second screen`, async () => {
    const phone = await context.newPage();
    await phone.goto(verificationUri);
    await phone.getByLabel('Code').fill(userCode);
    await phone.getByRole('button', { name: 'Continue' }).click();
    await phone.getByRole('button', { name: 'Continue' }).click();
    const as = new AuthorizationServerPage(phone);
    await as.signIn(username, password);
    // No redirect in this flow: a denial reaches the device on its next poll (RFC 8628 §3.5).
    await expect(phone.getByText('RFC 8628 section 3.5')).toBeVisible();
    await as.allow();
    await expect(phone.getByRole('heading', { name: 'Device connected' })).toBeVisible();
    await phone.close();
  });
}
