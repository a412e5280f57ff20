import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { axe, outcome } from './pages/attack-lab';
import { onScreen } from './support/on-screen';
import { expectLabelBesideItsArrow } from './support/open-label';
import { Diagram } from './pages/diagram';
import { WalkthroughPage } from './pages/walkthrough-page';
import { ORIGIN } from './support/origin';
import { GRANTS } from '../machines/registry';
import { textOnScreen } from './support/rendered-text';
import { openRoomEvents } from './support/room-events';

// The attack lab in class: on the projector (presenter view) and followed by students in a room, in
// Chromium against the production build. The attacker's tokens are secrets like any other.

const instructorStep = (page: Page) => page.getByRole('region', { name: 'Instructor’s step' });

test('an attack on the projector: the outcome and the diagram on one screen, no text under 24 px, tokens masked', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/attacks/jwt-algorithm-confusion?present=1');
  await expect(page.getByRole('toolbar', { name: 'Presenter view' })).toBeVisible();
  await page.getByRole('button', { name: 'Run the attack' }).click();
  await expect(outcome(page)).toContainText('Attack succeeded', { timeout: 30_000 });
  await expect(outcome(page)).toContainText('answered as alice');
  expect(await onScreen(outcome(page))).toBe(1);
  expect(await onScreen(new Diagram(page).graph)).toBeGreaterThan(0.9);
  await expect(page.getByRole('group', { name: 'Attacker', exact: true })).toBeVisible();
  expect((await textOnScreen(page)).filter(({ size }) => size < 24)).toEqual([]);
  // The newest arrow (attacker → resource server, neighbours in the bottom row) says what it carries
  // beside its arrow: its label covers no party's title.
  await expect(page.locator('button[data-current] > span').last()).toContainText('Bearer');
  await expectLabelBesideItsArrow(page);
  // The attacker's real token and the token it forged are masked on the projector like any token.
  const log = new WalkthroughPage(page).httpLog;
  await expect(log).toContainText('/attacks/resource-server/trusting-alg');
  await log.locator('li summary').last().click();
  await expect(log.locator('li').last()).toContainText(/authorization: Bearer [^\s…]{6}…/i);
  expect(await log.innerText()).not.toMatch(/eyJ[\w-]{30,}\.[\w-]{30,}/);
});

test('students follow an attack: the Attacker on their diagram, its tokens masked on the page and on the wire', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const instructorContext = await browser.newContext();
  const studentContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const instructor = new WalkthroughPage(await instructorContext.newPage());
    await instructor.page.goto('/attacks/jwt-algorithm-confusion');
    await expect(instructor.nextStep).toBeEnabled();
    const classroom = await instructor.openClassroom();
    await classroom.getByRole('button', { name: 'Start a classroom room' }).click();
    const code = (await classroom.getByLabel('Join code').innerText()).trim().replace('-', '');
    await instructor.page.getByRole('button', { name: 'Classroom', exact: true }).click();
    const received: string[] = [];
    const wire = await openRoomEvents(`${ORIGIN}/api/rooms/${code}/events`, ({ event, data }) => {
      if (event === 'step') received.push(JSON.stringify(data));
    });

    const student = await studentContext.newPage();
    await student.goto(`${ORIGIN}/join/${code}`);
    await expect(instructorStep(student)).toContainText('JWT algorithm confusion · Step 1 of 2');

    await instructor.page.getByRole('button', { name: 'Run the attack' }).click();
    await expect(outcome(instructor.page)).toContainText('Attack succeeded', { timeout: 30_000 });
    // The instructor's own screen, out of presenter view, shows the attacker's real token whole.
    const tokenExchange = instructor.httpLog
      .locator('li')
      .filter({ has: instructor.page.locator('summary', { hasText: 'POST /oidc/token 200' }) });
    await tokenExchange.locator('summary').click();
    const attackerToken = /"access_token":\s*"([^"]{20,})"/.exec(await tokenExchange.innerText())?.[1];
    expect(attackerToken).toBeDefined();

    await expect(instructorStep(student)).toContainText('Step 2 of 2');
    await expect(student.getByRole('group', { name: 'Attacker', exact: true })).toBeVisible();
    await expect(
      student.getByRole('region', { name: 'HTTP exchanges' }).locator('li summary').last(),
    ).toContainText('/attacks/resource-server/trusting-alg');
    expect(await onScreen(instructorStep(student).getByRole('heading'))).toBe(1);

    expect(await student.content()).not.toContain(attackerToken!);
    await expect.poll(() => received.some((data) => data.includes('trusting-alg'))).toBe(true);
    expect(received.filter((data) => data.includes(attackerToken!))).toEqual([]);
    wire.close();

    await axe(student, 'the follow view of an attack');
  } finally {
    await Promise.all([instructorContext.close(), studentContext.close()]);
  }
});

// Labels sit on their arrows. The open label of the highlighted arrow touches its number (on
// the arrow) and covers no node's title: the short bottom-row arrow between the Authorization Server and
// the Attacker, mix-up's theft beside the tall Attacker node, DPoP's last arrow on the projector.
const placements = [
  {
    what: 'authorization-code-interception step 4 at 1440x900',
    path: '/attacks/authorization-code-interception?step=4&login=alice',
    viewport: { width: 1440, height: 900 },
  },
  {
    what: 'authorization-code-interception step 4 at 1280x720',
    path: '/attacks/authorization-code-interception?step=4&login=alice',
    viewport: { width: 1280, height: 720 },
  },
  {
    what: 'mix-up’s theft (Client → Attacker) on the projector',
    path: '/attacks/mix-up?step=4&login=alice&present=1',
    viewport: { width: 1920, height: 1080 },
  },
  {
    what: 'DPoP’s last step on the projector',
    path: `/grants/dpop?step=${GRANTS.find((grant) => grant.slug === 'dpop')!.steps.length}&login=alice&present=1`,
    viewport: { width: 1920, height: 1080 },
  },
];
for (const { what, path, viewport } of placements) {
  test(`${what}: the highlighted arrow’s label sits by its arrow and covers no node’s title`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    const walkthrough = new WalkthroughPage(page);
    await page.goto(path);
    const step = /step=(\d+)/.exec(path)![1]!;
    await expect(walkthrough.stepNumber).toContainText(`Step ${step} of`, { timeout: 90_000 });
    await expect(walkthrough.nextStep).toBeEnabled();
    await walkthrough.next();
    await expect(walkthrough.card).toContainText('sent:');
    await expect(new Diagram(page).current).toBeVisible();
    await expectLabelBesideItsArrow(page);
  });
}
