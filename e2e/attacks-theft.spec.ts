import { expect, test } from './fixtures';
import { attacker, axe, loot, openAttack, outcome } from './pages/attack-lab';
import { Diagram } from './pages/diagram';
import { WalkthroughPage } from './pages/walkthrough-page';
import { ORIGIN } from './support/origin';
import { ATTACKS } from '../machines/attacks/registry';
import { contextFor } from '../machines/walkthrough/statements';

// Every attack draws its theft. The hand-off to the attacker's server is a recorded exchange
// (in the HTTP log) and an arrow into the Attacker (on the diagram), and the parties hold what the run shows.

/** The diagram's messages, one entry per exchange, as its text list reads them to a screen reader. */
const messages = (page: import('@playwright/test').Page) =>
  page.getByRole('list', { name: 'Message sequence' }).getByRole('listitem');

for (const attack of ATTACKS) {
  const { handOff } = attack;
  if (!('step' in handOff)) continue;
  test(`${attack.slug}: the hand-off at ${handOff.receivedAt} is in the log and an arrow into the Attacker`, async ({
    page,
  }) => {
    // A whole attack, sign-in included, on a busy machine.
    test.setTimeout(120_000);
    await openAttack(page, attack.slug);
    await page.getByRole('button', { name: 'Run the attack' }).click();
    await expect(outcome(page)).toContainText(/Attack (succeeded|blocked)/, { timeout: 90_000 });
    const log = new WalkthroughPage(page).httpLog;
    await expect(log.locator('li summary', { hasText: handOff.receivedAt }).first()).toBeVisible();
    const path = handOff.receivedAt.replace(/[/.]/g, '\\$&');
    await expect(
      messages(page).filter({ hasText: new RegExp(`to Attacker, (front|back) channel: (GET|POST) ${path}`) }),
    ).not.toHaveCount(0);
  });
}

for (const attack of ATTACKS) {
  const { handOff } = attack;
  if (!('step' in handOff)) continue;
  test(`${attack.slug}: after the theft step “${handOff.step}” the highlighted arrow is the red one into the Attacker`, async ({
    page,
  }) => {
    // The steps before the theft are replayed for real by the deep link, sign-in included.
    test.setTimeout(120_000);
    const walkthrough = new WalkthroughPage(page);
    const diagram = new Diagram(page);
    const index = attack.steps.findIndex((step) => step.id === handOff.step);
    const { kind } = attack.steps[index]!.action(contextFor(attack, ORIGIN, index));
    await page.goto(`/attacks/${attack.slug}?step=${index + 1}&login=alice`);
    await expect(walkthrough.stepNumber).toContainText(`Step ${index + 1} of`, { timeout: 90_000 });
    // A callback step is taken once it is in view: the redirect has brought it. Any other is sent here.
    if (kind !== 'callback') {
      await expect(walkthrough.nextStep).toBeEnabled();
      await walkthrough.next();
      await page.waitForURL(new RegExp(`/attacks/${attack.slug}`));
      // A trip through the browser comes back with the callback step in view; a send stays and is answered.
      if (kind === 'navigate')
        await expect(walkthrough.stepNumber).toContainText(`Step ${index + 2} of`, { timeout: 30_000 });
      else await expect(walkthrough.card).toContainText('sent:');
    }
    const path = handOff.receivedAt.replace(/[/.]/g, '\\$&');
    const intoAttacker = (number: string) =>
      new RegExp(
        `^Message ${number}: (GET|POST) ${path}\\S* → \\d{3}, .* to Attacker, (front|back) channel$`,
      );
    // Back from a lure, the callback step in view shows the same exchange: the visit to the attacker's page.
    await expect(diagram.current).toHaveAttribute('aria-label', intoAttacker('\\d+'));
    // Drawn in the Attacker's red (its node's border), the channel still told by the dash pattern.
    const arrow = diagram.region.locator('path.react-flow__edge-path[data-current]');
    await expect(arrow).toHaveAttribute('data-attacker', 'true');
    await expect(arrow).toHaveCSS('stroke', 'rgb(185, 28, 28)');
  });
}

test('with the PKCE defense off the Client holds no code_verifier; with it on, it does', async ({ page }) => {
  await openAttack(page, 'authorization-code-interception');
  const client = page.getByRole('group', { name: 'Client', exact: true });
  await expect(client).toContainText('no secret (public client)');
  await expect(client).not.toContainText('code_verifier');
  await page.getByRole('checkbox', { name: 'Defense: PKCE' }).check();
  await expect(page.getByRole('button', { name: 'Next step' })).toBeEnabled();
  await expect(client).toContainText('a PKCE code_verifier');
});

test('stepping by hand: the attacker’s panel and the Attacker update at each step, and its steps preview what it sends', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openAttack(page, 'refresh-token-replay');
  const walkthrough = new WalkthroughPage(page);
  const request = walkthrough.card.getByLabel('Request about to be sent');
  /** "Next step" on a step that answered moves to the next one; on a ready step, it sends. */
  const sendStep = async (title: string) => {
    await expect(walkthrough.stepTitle).toHaveText(title);
    await walkthrough.next();
    await expect(walkthrough.card).toContainText('sent:');
  };
  await expect(loot(page)).toContainText('Nothing received from this run so far.');
  await sendStep('The app gets alice’s tokens, a refresh token among them');
  await expect(loot(page)).toContainText('Nothing received from this run so far.');
  await walkthrough.next();
  await sendStep('An injected script sends the refresh token to the attacker');
  await expect(walkthrough.card).toContainText('sent: 201');
  await expect(loot(page)).toContainText('refresh token (sent by the injected script');
  await expect(attacker(page)).toContainText('a stolen refresh token (alice’s)');
  await expect(messages(page).last()).toContainText(
    'Client to Attacker, back channel: POST /api/attacker/loot → 201 (refresh token',
  );
  await walkthrough.next();
  await sendStep('The app refreshes, as it does every hour');
  await expect(loot(page)).toContainText('refresh token (sent by the injected script');
  // The replay's preview is the attacker's token request, not the lab's call to its server.
  await walkthrough.next();
  await expect(walkthrough.stepTitle).toHaveText('The attacker replays the stolen refresh token');
  await expect(request).toContainText(/POST \S+\/oidc\/token/);
  await expect(request).toContainText('grant_type=refresh_token');
  await expect(request).not.toContainText('/api/attacker/');
  await expect(walkthrough.card).toContainText('Sent by: The attacker’s server (back channel)');
  await sendStep('The attacker replays the stolen refresh token');
  await expect(loot(page)).toContainText('access token (got by replaying the stolen refresh token');
  await walkthrough.next();
  await expect(walkthrough.stepTitle).toHaveText('The attacker calls the API as alice');
  await expect(request).toContainText(/GET \S+\/api\/v1\/accounts\/verify_credentials/);
  await expect(request).toContainText('Bearer <the access token it holds>');
  await axe(page, 'refresh-token-replay, the attacker’s API call previewed');
});
