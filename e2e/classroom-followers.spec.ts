import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { axe } from './pages/attack-lab';
import { AuthorizationServerPage } from './pages/authorization-server-page';
import { Diagram } from './pages/diagram';
import { WalkthroughPage } from './pages/walkthrough-page';
import { ORIGIN } from './support/origin';
import { onScreen } from './support/on-screen';
import { openRoomEvents } from './support/room-events';

// Followers of a classroom room read what the instructor's send received, where the instructor is at
// the authorization server, and explore on their own in the same workbench.

const instructorStep = (page: Page) => page.getByRole('region', { name: 'Instructor’s step' });

/** An instructor on `slug` with a room open, and a student following it at `viewport`. */
async function classroom(browser: Browser, slug: string, viewport = { width: 1440, height: 900 }) {
  const instructorContext = await browser.newContext();
  const studentContext = await browser.newContext({ viewport });
  const instructor = new WalkthroughPage(await instructorContext.newPage());
  await instructor.goto(slug);
  const panel = await instructor.openClassroom();
  await panel.getByRole('button', { name: 'Start a classroom room' }).click();
  const code = (await panel.getByLabel('Join code').innerText()).trim().replace('-', '');
  await instructor.page.getByRole('button', { name: 'Classroom', exact: true }).click();
  const student = await studentContext.newPage();
  await student.goto(`${ORIGIN}/join/${code}`);
  await expect(instructorStep(student)).toContainText('Step 1 of');
  return {
    instructor,
    student,
    code,
    close: () => Promise.all([instructorContext.close(), studentContext.close()]),
  };
}

test('followers read the instructor’s response status, meaning and masked body in the step card as the send returns, and a refusal’s explanation', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const room = await classroom(browser, 'password');
  const { instructor, student } = room;
  try {
    const received: string[] = [];
    const wire = await openRoomEvents(`${ORIGIN}/api/rooms/${room.code}/events`, ({ event, data }) => {
      if (event === 'step') received.push(JSON.stringify(data));
    });
    const card = instructorStep(student);
    await expect(card).not.toContainText('The response:');

    await test.step('a wrong password: the refusal, its status and the explanation the solo view gives', async () => {
      await instructor.page.getByLabel('password', { exact: true }).fill('not-her-password');
      await instructor.nextStep.click();
      await expect(instructor.error).toContainText('invalid_grant');
      // The contract: followers read it within a second of the instructor's screen.
      await expect(card.getByText('The response: 400')).toBeVisible({ timeout: 1000 });
      await expect(card.getByRole('status')).toHaveText(
        'The authorization server answered 400 Bad Request: it refused the request with invalid_grant.',
      );
      await expect(card).toContainText('sent: 400 Bad Request');
      await expect(card).toContainText(
        'The server refused the code, refresh token or credentials it was given',
      );
      await expect(card.getByLabel('Response body')).toContainText('"error": "invalid_grant"');
      // The instructor drives: no way to retry from here.
      await expect(card.getByRole('button')).toHaveCount(0);
      await axe(student, 'the follow view after a refusal');
    });

    await test.step('the right password: 200, accepted, the token response masked', async () => {
      await instructor.page.getByRole('button', { name: 'Try again' }).click();
      await instructor.page.getByLabel('password', { exact: true }).fill('wonderland');
      await instructor.nextStep.click();
      await expect(instructor.card).toContainText('The response: 200');
      const accessToken = /"access_token": "([^"]{20,})"/.exec(
        await instructor.page.getByLabel('Response body').innerText(),
      )?.[1];
      expect(accessToken).toBeDefined();
      await expect(card.getByText('The response: 200')).toBeVisible();
      await expect(card.getByRole('status')).toHaveText(
        'The authorization server answered 200 OK: it accepted the request.',
      );
      await expect(card.getByLabel('Response body')).toContainText(/"access_token": "[^"]{6}…"/);
      // On the first screen, beside the step's title.
      expect(await onScreen(card.getByText('The response: 200'))).toBe(1);
      expect(await student.content()).not.toContain(accessToken!);
      await expect.poll(() => received.some((data) => data.includes('"status":200'))).toBe(true);
      expect(received.filter((data) => data.includes(accessToken!) || data.includes('wonderland'))).toEqual(
        [],
      );
      // The next step starts without the last one's answer.
      await instructor.next();
      await expect(card.getByRole('heading')).toHaveText('Call the userinfo endpoint');
      await expect(card).not.toContainText('The response:');
    });
    wire.close();
  } finally {
    await room.close();
  }
});

test('while the instructor signs in and consents at the authorization server, followers read it as it happens', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const room = await classroom(browser, 'authorization-code');
  const { instructor, student } = room;
  try {
    const received: string[] = [];
    const wire = await openRoomEvents(`${ORIGIN}/api/rooms/${room.code}/events`, ({ event, data }) => {
      if (event === 'step') received.push(JSON.stringify(data));
    });
    const card = instructorStep(student);
    const as = new AuthorizationServerPage(instructor.page);
    await instructor.nextStep.click();
    await expect(as.username).toBeVisible();
    await expect(card.getByRole('status')).toHaveText(
      'The instructor is signing in at the authorization server',
    );
    await expect(card).toContainText('sent: at the authorization server');
    // The authorization request reached the room from the servers, not from the instructor's page.
    await expect(student.getByRole('region', { name: 'HTTP exchanges' })).toContainText('GET /oidc/auth');
    await axe(student, 'the follow view while the instructor signs in');

    await as.signIn('alice', 'wonderland');
    await expect(as.allowButton).toBeVisible();
    await expect(card.getByRole('status')).toHaveText(
      'The instructor is consenting at the authorization server',
    );
    await as.allow();
    await instructor.page.waitForURL(/\/grants\/authorization-code/);
    await expect(card.getByRole('heading')).toHaveText('The code comes back to the redirect URI');
    await expect(card).not.toContainText('at the authorization server');
    // Nothing of the sign-in reached students: no password, no session or interaction cookie value.
    expect(received.filter((data) => data.includes('wonderland'))).toEqual([]);
    // The session and learner cookies are credentials (the interaction's cookie holds only its id, which
    // is in the page's address).
    const cookies = await instructor.page.context().cookies();
    const secretCookies = cookies
      .filter((cookie) => /^(_session|.*playground_learner)(\.sig)?$/.test(cookie.name))
      .map((cookie) => cookie.value);
    expect(secretCookies.length).toBeGreaterThanOrEqual(2);
    expect(received.filter((data) => secretCookies.some((value) => data.includes(value)))).toEqual([]);
    wire.close();
  } finally {
    await room.close();
  }
});

test('“Explore on my own” opens the workbench at the instructor’s step with “Next step” on screen at 1440x900 and 1280x720', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const room = await classroom(browser, 'client-credentials');
  const { instructor, student } = room;
  try {
    await instructor.next();
    await instructor.next();
    await expect(instructorStep(student)).toContainText('Step 2 of');
    await student.getByRole('button', { name: 'Explore on my own' }).click();
    const own = new WalkthroughPage(student);
    // The student's own run, replayed for real to the instructor's step.
    await expect(own.stepNumber).toContainText('Step 2 of');
    await expect(own.nextStep).toBeEnabled();
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 1280, height: 720 },
    ]) {
      await student.setViewportSize(viewport);
      await expect(own.nextStep).toBeVisible();
      expect(await onScreen(own.nextStep)).toBe(1);
      expect(await onScreen(own.stepTitle)).toBe(1);
      expect(await student.evaluate(() => [window.scrollX, window.scrollY])).toEqual([0, 0]);
      // The workbench's two panes side by side: the diagram beside the step, not under it.
      const step = await own.card.boundingBox();
      const diagram = await student.getByRole('heading', { name: 'Who talks to whom' }).boundingBox();
      expect(diagram!.x).toBeGreaterThan(step!.x + step!.width - 1);
    }
    await own.next();
    await expect(own.card).toContainText('The response: 200');
  } finally {
    await room.close();
  }
});

test('on a phone the follower’s request and response blocks wrap instead of running past the right edge', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const room = await classroom(browser, 'password', { width: 390, height: 844 });
  const { instructor, student } = room;
  try {
    await instructor.next();
    await expect(instructorStep(student).getByText('The response: 200')).toBeVisible();
    await expect(student.getByLabel('Request about to be sent')).toBeVisible();
    const overflow = await student.evaluate(() => ({
      page: document.documentElement.scrollWidth - window.innerWidth,
      blocks: [...document.querySelectorAll('pre')]
        .filter((pre) => pre.scrollWidth > pre.clientWidth + 1)
        .map((pre) => pre.getAttribute('aria-label')),
    }));
    expect(overflow).toEqual({ page: 0, blocks: [] });
    await axe(student, 'the follow view on a phone');
  } finally {
    await room.close();
  }
});

test('a follower of client credentials sees the Resource Owner greyed and the instructor’s token request highlighted', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const room = await classroom(browser, 'client-credentials');
  const { instructor, student } = room;
  try {
    const diagram = new Diagram(student);
    // As the walkthrough draws it: no user, no browser in this grant.
    await expect(diagram.role('Resource Owner')).toHaveAttribute('data-inactive', 'true');
    await expect(diagram.role('Resource Owner')).toContainText('Resource Owner not in this grant');
    await instructor.next();
    await expect(instructorStep(student).getByText('The response: 200')).toBeVisible();
    await expect(diagram.current).toHaveAttribute('aria-label', /^Message \d+: POST \/oidc\/token → 200,/);
  } finally {
    await room.close();
  }
});
