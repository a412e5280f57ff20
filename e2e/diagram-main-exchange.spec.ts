import { GRANTS } from '../machines/registry';
import { contextFor } from '../machines/walkthrough/statements';
import type { GrantDefinition } from '../lib/walkthrough/types';
import { expect, test } from './fixtures';
import { approveDeviceOnSecondScreen } from './flows/device';
import { finishTrip } from './flows/trip';
import { escape } from './support/arrow';
import { Diagram } from './pages/diagram';
import { WalkthroughPage } from './pages/walkthrough-page';
import { ORIGIN } from './support/origin';

/** How the highlighted arrow of a step's main exchange reads, from what the step's action does. */
function mainArrowOf(grant: GrantDefinition, index: number): RegExp {
  const action = grant.steps[index]!.action(contextFor(grant, ORIGIN, index));
  switch (action.kind) {
    case 'send':
      return new RegExp(
        `^Message \\d+: ${action.request.method} ${escape(new URL(action.request.path, ORIGIN).pathname)} → \\d{3},`,
      );
    // A trip through the browser ends with the authorization response carried to the redirect URI.
    case 'navigate':
    case 'callback':
      return /^Message \d+b: GET \/callback[?#]\w+=…/;
    case 'visit':
      return /^Message \d+: (GET|POST) \/oidc\/device/;
    case 'skip':
      throw new Error(`${grant.slug}: step ${index + 1} sends nothing`);
  }
}

for (const grant of GRANTS) {
  test(`${grant.slug}: after each “Next step” the highlighted arrow is the step’s own message`, async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    const walkthrough = new WalkthroughPage(page);
    const diagram = new Diagram(page);
    await walkthrough.goto(grant.slug);
    // The step whose message is in view: the one taken last (a step in view is taken once it has gone out).
    let taken: number | undefined;
    const checked = new Set<number>();
    for (let press = 0; press < 40 && !(await walkthrough.flowComplete.isVisible()); press++) {
      const [stepIndex, state] = (await walkthrough.card.getAttribute('data-progress'))!.split(':');
      const index = Number(stepIndex);
      const action = grant.steps[index]!.action(contextFor(grant, ORIGIN, index));
      if (state === 'ready') {
        if (action.kind === 'visit') {
          // The person does what the step asks on the second screen before the device goes on.
          const userCode = (await page.getByLabel('User code').innerText()).trim();
          await approveDeviceOnSecondScreen(context, `${ORIGIN}/oidc/device`, userCode);
        }
        if (action.kind !== 'skip') taken = index;
      }
      await walkthrough.next();
      await finishTrip(page);
      await expect(page.getByRole('status').filter({ hasText: 'Sending…' })).toHaveCount(0);
      // Back from a trip, the callback step is in view and shows the authorization response.
      const [afterIndex, afterState] = (await walkthrough.card.getAttribute('data-progress'))!.split(':');
      const shown =
        afterState === 'ready' &&
        grant.steps[Number(afterIndex)]!.action(contextFor(grant, ORIGIN, Number(afterIndex))).kind ===
          'callback'
          ? Number(afterIndex)
          : taken;
      if (shown === undefined) continue;
      await expect(diagram.current, `${grant.slug}: step ${shown + 1}`).toHaveAttribute(
        'aria-label',
        mainArrowOf(grant, shown),
      );
      checked.add(shown);
      // The callback step shows the redirect its trip through the browser ended with: the trip's too.
      if (shown !== taken && taken !== undefined) checked.add(taken);
    }
    await expect(walkthrough.flowComplete).toBeVisible();
    // Every step that sends something was checked.
    const sending = grant.steps.flatMap((step, index) =>
      step.action(contextFor(grant, ORIGIN, index)).kind === 'skip' ? [] : [index],
    );
    expect([...checked].sort((a, b) => a - b)).toEqual(sending);
  });
}

test('after the PKCE token request the JWKS call is thin and grey, said under the legend, and no arrow claims a session cookie the endpoint ignores', async ({
  page,
}) => {
  const walkthrough = new WalkthroughPage(page);
  const diagram = new Diagram(page);
  await page.goto('/grants/authorization-code-pkce?step=3&login=alice');
  await expect(walkthrough.stepNumber).toContainText('Step 3 of', { timeout: 60_000 });
  await expect(walkthrough.nextStep).toBeEnabled();
  await walkthrough.next();
  await expect(diagram.current).toHaveAttribute('aria-label', /^Message \d+: POST \/oidc\/token → 200/);
  const keys = diagram.region.locator('button[data-supporting="jwks"]');
  await expect(keys).toHaveCount(1);
  await expect(keys).not.toHaveAttribute('data-current');
  await expect(diagram.region.locator('path[data-supporting="jwks"]')).toHaveCSS('stroke-width', '1.25px');
  await expect(diagram.region.getByLabel('Supporting calls')).toContainText(
    'checked against the authorization server’s public keys (JWKS)',
  );
  await expect(diagram.current).not.toHaveAttribute('aria-label', /session cookie/);
  await expect(keys).not.toHaveAttribute('aria-label', /session cookie/);
  // The authorization endpoint does read it: its resume after the sign-in names it.
  await expect(
    diagram.region.getByRole('button', { name: /GET \/oidc\/auth\/\S+ → 303, carries session cookie/ }),
  ).not.toHaveCount(0);
});

test('on the projector a folded Client node keeps the access token it has just obtained', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const walkthrough = new WalkthroughPage(page);
  const diagram = new Diagram(page);
  await page.goto('/grants/authorization-code-pkce?step=3&login=alice&present=1');
  await expect(walkthrough.stepNumber).toContainText('Step 3 of', { timeout: 60_000 });
  await expect(walkthrough.nextStep).toBeEnabled();
  await walkthrough.next();
  const client = diagram.role('Client');
  await expect(client.getByText(/^\+\d+ earlier/)).toBeVisible();
  await expect(client.getByText('an access token', { exact: true })).toBeVisible();
  await expect(client.getByText('a refresh token', { exact: true })).toBeVisible();
  await expect(client.getByText('an ID token', { exact: true })).toBeVisible();
});

test('the Resource Owner is the person, named once she signs in; client credentials draws none as active', async ({
  page,
}) => {
  const diagram = new Diagram(page);
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('authorization-code-pkce');
  await expect(diagram.role('Resource Owner')).toContainText('Resource Owner (the user), using a browser');
  await page.goto('/grants/authorization-code-pkce?step=3&login=alice');
  await expect(walkthrough.stepNumber).toContainText('Step 3 of', { timeout: 60_000 });
  await expect(diagram.role('Resource Owner')).toContainText('Resource Owner (alice), using a browser');
  await expect(
    diagram
      .role('Resource Owner')
      .getByRole('listitem')
      .filter({ hasText: /^a browser$/ }),
  ).toHaveCount(0);
  await expect(diagram.role('Resource Owner')).not.toHaveAttribute('data-inactive');

  await walkthrough.goto('client-credentials');
  await expect(diagram.role('Resource Owner')).toHaveAttribute('data-inactive', 'true');
  await expect(diagram.role('Resource Owner')).toContainText('Resource Owner not in this grant');
  await expect(diagram.role('Resource Owner')).toContainText('no user, no browser');
});

test('DPoP’s replay is drawn as the Attacker sending it, and said to be sent by the attacker', async ({
  page,
}) => {
  const walkthrough = new WalkthroughPage(page);
  const diagram = new Diagram(page);
  const steps = GRANTS.find((grant) => grant.slug === 'dpop')!.steps;
  const replay = steps.findIndex((step) => step.id === 'replay-as-bearer') + 1;
  await page.goto(`/grants/dpop?step=${replay}&login=alice`);
  await expect(walkthrough.stepNumber).toContainText(`Step ${replay} of`, { timeout: 60_000 });
  await expect(walkthrough.nextStep).toBeEnabled();
  await expect(walkthrough.card).toContainText('The attacker, played here by this browser');
  await walkthrough.next();
  await expect(diagram.current).toHaveAttribute(
    'aria-label',
    /^Message \d+: GET \/api\/v1\/accounts\/verify_credentials → 401, carries access token \(Bearer\).*, Attacker to Resource Server, back channel$/,
  );
  await expect(diagram.role('Attacker')).toContainText('not the private key it is bound to');
});
