import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { onScreen } from './support/on-screen';
import { pressOn, tabTo } from './flows/keyboard';
import { AuthorizationServerPage } from './pages/authorization-server-page';
import { Diagram } from './pages/diagram';
import { WalkthroughPage } from './pages/walkthrough-page';
import { ORIGIN } from './support/origin';
import { textOnScreen } from './support/rendered-text';
import { openRoomEvents } from './support/room-events';

// A classroom: an instructor and two students, each in their own browser context (own cookies, own
// trace), in Chromium against the production build.

const instructorStep = (page: Page) => page.getByRole('region', { name: 'Instructor’s step' });

test('students follow the instructor step by step; one explores and is no longer moved', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const instructorContext = await browser.newContext();
  const firstContext = await browser.newContext();
  const secondContext = await browser.newContext();
  try {
    const instructor = new WalkthroughPage(await instructorContext.newPage());
    await instructor.goto('password');
    const classroom = await instructor.openClassroom();
    await classroom.getByRole('button', { name: 'Start a classroom room' }).click();
    const displayCode = (await classroom.getByLabel('Join code').innerText()).trim();
    expect(displayCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const joinUrl = `${ORIGIN}/join/${displayCode.replace('-', '')}`;
    await expect(classroom.getByRole('link', { name: joinUrl })).toBeVisible();
    await expect(classroom.getByRole('img', { name: `QR code for ${joinUrl}` })).toBeVisible();
    await expect(classroom.getByRole('status', { name: 'Students connected' })).toHaveText(
      '0 students connected',
    );

    const first = await firstContext.newPage();
    const second = await secondContext.newPage();
    await first.goto(joinUrl);
    // The second student types the code as read off the projector, in lower case.
    await second.goto('/join');
    await second.getByLabel('Join code').fill(displayCode.toLowerCase());
    await second.getByRole('button', { name: 'Join' }).click();
    await expect(classroom.getByRole('status', { name: 'Students connected' })).toHaveText(
      '2 students connected',
    );

    for (const student of [first, second]) {
      await expect(student.getByRole('heading', { level: 1 })).toHaveText(`Classroom ${displayCode}`);
      await expect(instructorStep(student)).toContainText('Resource owner password · Step 1 of 3');
      // Written for followers: the instructor, not the student, would try a wrong password.
      await expect(instructorStep(student)).toContainText('A wrong password gets invalid_grant');
      await expect(instructorStep(student)).not.toContainText('Try a wrong password');
      await expect(student.getByRole('button', { name: 'Follow the instructor' })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
    }

    await instructor.next();
    await instructor.next();
    for (const student of [first, second]) {
      await expect(instructorStep(student)).toContainText('Step 2 of 3');
      await expect(instructorStep(student).getByRole('heading')).toHaveText('Call the userinfo endpoint');
    }

    // The second student explores on their own: their own run, replayed to the instructor's step (issue
    // 23), then not moved by the instructor.
    await second.getByRole('button', { name: 'Explore on my own' }).click();
    const own = new WalkthroughPage(second);
    await expect(own.stepNumber).toContainText('Step 2 of 3');
    await expect(own.nextStep).toBeEnabled();
    await own.next();
    await expect(own.card).toContainText('The response: 200');

    await instructor.next();
    await instructor.next();
    await expect(instructorStep(first)).toContainText('Step 3 of 3');
    await expect(instructorStep(first).getByRole('heading')).toHaveText('Call the API: who am I?');
    await expect(second.getByText('The instructor is at Resource owner password, step 3.')).toBeVisible();
    await expect(own.stepNumber).toContainText('Step 2 of 3');
    await expect(instructorStep(second)).toHaveCount(0);
    // Students never see another's exchanges: the explorer's log holds only their own requests.
    await expect
      .poll(() => own.logLines())
      .toEqual(['POST /oidc/token 200', 'GET /oidc/jwks 200', 'GET /oidc/me 200']);

    // Back to following: the instructor's current step at once.
    await second.getByRole('button', { name: 'Follow the instructor' }).click();
    await expect(instructorStep(second)).toContainText('Step 3 of 3');

    // A student leaving is counted; the instructor ending the room tells those who stay.
    await second.close();
    await expect(classroom.getByRole('status', { name: 'Students connected' })).toHaveText(
      '1 student connected',
    );
    await classroom.getByRole('button', { name: 'End the room' }).click();
    await expect(first.getByRole('heading', { name: 'The room has ended' })).toBeVisible();
    await expect(classroom.getByRole('button', { name: 'Start a classroom room' })).toBeVisible();
  } finally {
    await Promise.all([instructorContext.close(), firstContext.close(), secondContext.close()]);
  }
});

test('a join URL on a loopback address is flagged; the join card shows code, QR code and URL for the projector', async ({
  page,
}) => {
  // The browser tests serve PUBLIC_ORIGIN=http://localhost:<port>: only this machine can open it.
  await page.setViewportSize({ width: 1920, height: 1080 });
  const instructor = new WalkthroughPage(page);
  await instructor.goto('client-credentials');
  const classroom = await instructor.openClassroom();
  await classroom.getByRole('button', { name: 'Start a classroom room' }).click();
  const displayCode = (await classroom.getByLabel('Join code').innerText()).trim();
  const joinUrl = `${ORIGIN}/join/${displayCode.replace('-', '')}`;
  const warning = classroom.getByRole('alert');
  await expect(warning).toContainText('Students on other machines cannot open this');
  await expect(warning).toContainText(`PUBLIC_ORIGIN=http://<your LAN address>:${new URL(ORIGIN).port}`);

  await classroom.getByRole('button', { name: 'Show join card' }).click();
  const card = page.getByRole('dialog', { name: 'Join card' });
  await expect(card.getByLabel('Join code')).toHaveText(displayCode);
  await expect(card).toContainText(joinUrl);
  const qr = card.getByRole('img', { name: `QR code for ${joinUrl}` });
  await expect(qr).toBeVisible();
  const box = (await qr.boundingBox())!;
  expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(300);
  // The card fills the screen.
  const cardBox = (await card.boundingBox())!;
  expect([cardBox.width, cardBox.height]).toEqual([1920, 1080]);
  const results = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await classroom.getByRole('button', { name: 'End the room' }).click();
});

test('a wrong or malformed code is refused with a way forward', async ({ page }) => {
  await page.goto('/join/ZZZZ-ZZZZ');
  await expect(page.getByRole('heading', { name: 'Could not join this room' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('No room has this code');
  await page.getByRole('link', { name: 'Type another code' }).click();
  await page.getByLabel('Join code').fill('abc');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('8 letters and digits');
  await expect(page).toHaveURL(`${ORIGIN}/join`);
});

test('the join pages pass an axe scan', async ({ page, browser }) => {
  const instructorContext = await browser.newContext();
  try {
    const instructor = new WalkthroughPage(await instructorContext.newPage());
    await instructor.goto('client-credentials');
    const classroom = await instructor.openClassroom();
    await classroom.getByRole('button', { name: 'Start a classroom room' }).click();
    const code = (await classroom.getByLabel('Join code').innerText()).trim();
    for (const path of ['/join', `/join/${code}`]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      if (path !== '/join') await expect(instructorStep(page)).toContainText('Step 1 of 3');
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
    }
    const results = await new AxeBuilder({ page: instructor.page }).include('section').analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await classroom.getByRole('button', { name: 'End the room' }).click();
  } finally {
    await instructorContext.close();
  }
});

test('keyboard alone: an instructor starts a room, a student joins by typing its code', async ({
  browser,
}) => {
  const instructorContext = await browser.newContext();
  const studentContext = await browser.newContext();
  try {
    const instructor = new WalkthroughPage(await instructorContext.newPage());
    await instructor.goto('implicit');
    await pressOn(instructor.page, 'Classroom');
    await pressOn(instructor.page, 'Start a classroom room');
    const classroom = instructor.page.getByRole('region', { name: 'Classroom' });
    const displayCode = (await classroom.getByLabel('Join code').innerText()).trim();

    const student = await studentContext.newPage();
    await student.goto('/join');
    const field = student.getByLabel('Join code');
    await tabTo(student, field);
    await student.keyboard.type(displayCode);
    await student.keyboard.press('Enter');
    await expect(instructorStep(student)).toContainText('Step 1 of 3');
    await pressOn(student, 'Explore on my own');
    await expect(student.getByRole('button', { name: 'Explore on my own' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await pressOn(instructor.page, 'End the room');
    await expect(student.getByRole('heading', { name: 'The room has ended' })).toBeVisible();
  } finally {
    await Promise.all([instructorContext.close(), studentContext.close()]);
  }
});

/** The instructor starts a room from the walkthrough's toolbar; answers the students' join URL. */
async function startRoom(instructor: WalkthroughPage): Promise<{ joinUrl: string; code: string }> {
  const classroom = await instructor.openClassroom();
  await classroom.getByRole('button', { name: 'Start a classroom room' }).click();
  const code = (await classroom.getByLabel('Join code').innerText()).trim().replace('-', '');
  // Closed again, as an instructor would, so that the panel does not cover the walkthrough.
  await instructor.page.getByRole('button', { name: 'Classroom', exact: true }).click();
  return { joinUrl: `${ORIGIN}/join/${code}`, code };
}

const studentLog = (page: Page) => page.getByRole('region', { name: 'HTTP exchanges' });
const newestExchange = (page: Page) => studentLog(page).locator('li summary').last();

test('following an authorization code grant: the diagram and the newest exchange, code and tokens masked on the page and on the wire', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const instructorContext = await browser.newContext();
  const studentContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const instructor = new WalkthroughPage(await instructorContext.newPage());
    await instructor.goto('authorization-code');
    const room = await startRoom(instructor);
    // What a student's browser receives, read as it arrives.
    const received: string[] = [];
    const wire = await openRoomEvents(`${ORIGIN}/api/rooms/${room.code}/events`, ({ event, data }) => {
      if (event === 'step') received.push(JSON.stringify(data));
    });
    const student = await studentContext.newPage();
    await student.goto(room.joinUrl);
    await expect(instructorStep(student)).toContainText('Authorization code · Step 1 of');

    await test.step('the instructor signs in and consents; the code comes back', async () => {
      await instructor.next();
      const as = new AuthorizationServerPage(instructor.page);
      await as.signIn('alice', 'wonderland');
      await as.allow();
      await instructor.page.waitForURL(/\/grants\/authorization-code/);
      await expect(instructor.stepTitle).toHaveText('The code comes back to the redirect URI');
    });
    // Out of presenter view, the instructor's own log shows the code whole (once the trace has caught up).
    await expect(instructor.httpLog).toContainText(/code=[^&\s…]{20,}/);
    const code = /code=([^&\s…]{20,})/.exec(await instructor.httpLog.innerText())?.[1];
    expect(code).toBeDefined();
    await expect(instructorStep(student).getByRole('heading')).toHaveText(
      'The code comes back to the redirect URI',
    );
    await expect(newestExchange(student)).toContainText(/Location: \S*code=[^&\s]{6}…/);

    await instructor.next();
    await expect(instructor.stepTitle).toHaveText('Exchange the code for tokens');
    await expect(student.getByLabel('Request about to be sent')).toContainText(/code=[^&\s]{6}…/);
    await instructor.next();
    const accessToken = /"access_token": "([^"]{20,})"/.exec(
      await instructor.page.getByLabel('Response body').innerText(),
    )?.[1];
    expect(accessToken).toBeDefined();

    await test.step('the student sees the diagram and the token response, masked, on one screen', async () => {
      const diagram = new Diagram(student);
      await expect(student.getByRole('heading', { name: 'Who talks to whom' })).toBeVisible();
      // The token response, then the client fetches the keys to check the ID token's signature.
      await expect(newestExchange(student)).toContainText('GET /oidc/jwks 200');
      const count = await studentLog(student).locator('li').count();
      await expect(diagram.messages).toHaveCount(count);
      expect(await student.evaluate(() => [window.scrollX, window.scrollY])).toEqual([0, 0]);
      expect(await onScreen(diagram.graph)).toBeGreaterThan(0.9);
      expect(await onScreen(newestExchange(student))).toBe(1);
      expect(await onScreen(instructorStep(student).getByRole('heading'))).toBe(1);
      // The instructor drives: no "Next step" here.
      await expect(student.getByRole('button', { name: 'Next step' })).toHaveCount(0);
      // The token exchange is reached with Tab and opens in place with Enter.
      const tokenExchange = studentLog(student)
        .locator('li')
        .filter({ has: student.locator('summary', { hasText: 'POST /oidc/token 200' }) });
      await tabTo(student, tokenExchange.locator('summary'));
      await student.keyboard.press('Enter');
      const response = tokenExchange.getByLabel('Response 200');
      await expect(response).toBeVisible();
      await expect(response).toContainText(/"access_token":\s*"[^"]{6}…"/);
      await expect(tokenExchange.getByLabel('Request', { exact: true })).toContainText(/code=[^&\s]{6}…/);
    });

    const html = await student.content();
    expect(html).not.toContain(code!);
    expect(html).not.toContain(accessToken!);
    await expect.poll(() => received.some((data) => data.includes('/oidc/token'))).toBe(true);
    expect(received.filter((data) => data.includes(code!) || data.includes(accessToken!))).toEqual([]);
    wire.close();

    const { violations } = await new AxeBuilder({ page: student }).analyze();
    expect(
      violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  } finally {
    await Promise.all([instructorContext.close(), studentContext.close()]);
  }
});

test('the follow view holds the step, the diagram and the newest exchange on one screen, and on a projector no text under 24 px', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const instructorContext = await browser.newContext();
  const studentContext = await browser.newContext();
  try {
    const instructor = new WalkthroughPage(await instructorContext.newPage());
    await instructor.goto('client-credentials');
    const room = await startRoom(instructor);
    await instructor.next();
    await instructor.next();
    const student = await studentContext.newPage();
    for (const [viewport, path] of [
      [{ width: 1440, height: 900 }, room.joinUrl],
      [{ width: 1280, height: 720 }, room.joinUrl],
      [{ width: 1920, height: 1080 }, `${room.joinUrl}?present=1`],
    ] as const) {
      await student.setViewportSize(viewport);
      await student.goto(path);
      await expect(instructorStep(student).getByRole('heading')).toHaveText('Call the API as the app');
      await expect(newestExchange(student)).toContainText(/(GET|POST) \/\S+ \d{3}/);
      const diagram = new Diagram(student);
      await expect(diagram.messages).toHaveCount(await studentLog(student).locator('li').count());
      expect(await student.evaluate(() => [window.scrollX, window.scrollY])).toEqual([0, 0]);
      expect(await onScreen(instructorStep(student).getByRole('heading'))).toBe(1);
      expect(await onScreen(diagram.graph)).toBeGreaterThan(0.9);
      expect(await onScreen(newestExchange(student))).toBe(1);
      await expect(student.getByRole('button', { name: 'Explore on my own' })).toBeVisible();
      if (viewport.width === 1920)
        expect((await textOnScreen(student)).filter(({ size }) => size < 24)).toEqual([]);
    }
  } finally {
    await Promise.all([instructorContext.close(), studentContext.close()]);
  }
});
