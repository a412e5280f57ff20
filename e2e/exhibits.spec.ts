import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { verificationQrDataUrl } from '../lib/client/verification-qr';
import { expect, test } from './fixtures';
import { axe } from './pages/attack-lab';
import { AuthorizationServerPage } from './pages/authorization-server-page';
import { WalkthroughPage } from './pages/walkthrough-page';
import { ORIGIN } from './support/origin';

// The exhibits: the DPoP proof decoded beside the step that sent it, the device grant's verification
// address as a QR code, and a run exported as a transcript and a HAR file with its secrets masked.

async function signInAndAllow(walkthrough: WalkthroughPage) {
  const as = new AuthorizationServerPage(walkthrough.page);
  await expect(as.heading).toHaveText('Sign in');
  await as.signIn('alice', 'wonderland');
  await as.allow();
  await walkthrough.page.waitForURL(/\/grants\//);
}

/** Presses "Next step" until the step titled `title` has its answer on screen. */
async function answer(walkthrough: WalkthroughPage, title: string) {
  const answered = walkthrough.card.locator('[data-phase="answered"]');
  for (let i = 0; i < 12; i++) {
    if ((await walkthrough.stepTitle.innerText()) === title && (await answered.isVisible())) break;
    await walkthrough.next();
  }
  await expect(walkthrough.stepTitle).toHaveText(title);
  await expect(answered).toBeVisible();
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');
const proofExhibit = (page: Page) =>
  page.getByRole('region', { name: /^The DPoP proof the browser signed for this request/ });
/** The value and meaning given for `name` in a list of terms. */
const field = (list: Locator, name: string) =>
  list.locator(`xpath=.//dt[normalize-space()="${name}"]/following-sibling::dd[1]`);

test('DPoP: the proof each step sent is decoded and checked in the browser (jwk, htm, htu, ath, nonce, cnf.jkt)', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('dpop');
  await walkthrough.next();
  await signInAndAllow(walkthrough);
  await walkthrough.next();

  const refusal = page.waitForResponse(
    (response) => response.url().endsWith('/oidc/token') && response.status() === 400,
  );
  await answer(walkthrough, 'Token request with a DPoP proof: the server asks for its nonce');
  const nonce = (await refusal).headers()['dpop-nonce']!;
  const exhibit = proofExhibit(page);
  const header = exhibit.getByLabel('DPoP proof header');
  const claims = exhibit.getByLabel('DPoP proof claims');
  const checks = exhibit.getByRole('list', { name: 'DPoP proof checks' });
  await expect(field(header, 'typ')).toContainText('dpop+jwt');
  const jwk = JSON.parse((await field(header, 'jwk').locator('code').innerText()).trim()) as Record<
    string,
    string
  >;
  expect(Object.keys(jwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
  await expect(field(claims, 'htm')).toContainText('POST');
  await expect(field(claims, 'htu').locator('code')).toHaveText(`${ORIGIN}/oidc/token`);
  await expect(field(claims, 'nonce')).toHaveCount(0);
  await expect(exhibit).toContainText('No nonce: the server has not sent a DPoP-Nonce');
  await expect(checks.getByRole('listitem')).toHaveText([
    /Passes: htm POST is the method of the request sent\.$/,
    /Passes: htu is the URL the request went to\.$/,
  ]);

  const tokenResponse = page.waitForResponse(
    (response) => response.url().endsWith('/oidc/token') && response.status() === 200,
  );
  await answer(walkthrough, 'The same request with the server’s nonce: a DPoP-bound token');
  const { access_token: accessToken } = (await (await tokenResponse).json()) as { access_token: string };
  await expect(field(claims, 'nonce').locator('code')).toHaveText(nonce);
  const cnf = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()) as {
    cnf: { jkt: string };
  };
  await expect(checks).toContainText(`= the token’s cnf.jkt`);
  await expect(checks).toContainText(cnf.cnf.jkt);

  await answer(walkthrough, 'Call the API with the DPoP scheme and a fresh proof');
  const ath = base64url(createHash('sha256').update(accessToken).digest());
  await expect(field(claims, 'ath').locator('code')).toHaveText(ath);
  await expect(field(claims, 'htm')).toContainText('GET');
  await expect(checks).toContainText(`ath = base64url(SHA-256(access token sent)) = ${ath}.`);
  await expect(checks.getByRole('listitem').filter({ hasText: '✗' })).toHaveCount(0);
  // Only the public key: the private one cannot be exported, so no "d" anywhere in the exhibit.
  await expect(exhibit).not.toContainText('"d"');
  await axe(page, 'dpop proof exhibit');

  await answer(walkthrough, 'Another call, another proof: post a private toot');
  await answer(walkthrough, 'A thief replays the token as a Bearer token');
  await expect(exhibit).toHaveCount(0);
  // The last step ends the flow: its answer shows with "Flow complete".
  await walkthrough.next();
  await expect(walkthrough.stepTitle).toHaveText('A proof made for another request is refused');
  await walkthrough.next();
  await expect(walkthrough.flowComplete).toBeVisible();
  await expect(checks.getByRole('listitem').filter({ hasText: '✗' })).toHaveText([
    /htm POST is not GET, the method sent\./,
    /htu .*\/api\/v1\/statuses is not .*\/api\/v1\/accounts\/verify_credentials, where it went\./,
  ]);
});

test('device code: the verification address is a QR code a phone can scan (verification_uri_complete)', async ({
  page,
}) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('device-code');
  const deviceAuthorization = page.waitForResponse((response) =>
    response.url().endsWith('/oidc/device/auth'),
  );
  await walkthrough.next();
  const body = (await (await deviceAuthorization).json()) as {
    verification_uri_complete: string;
    user_code: string;
  };
  expect(body.verification_uri_complete).toBe(`${ORIGIN}/oidc/device?user_code=${body.user_code}`);
  await walkthrough.next();
  await expect(walkthrough.stepTitle).toHaveText('The user enters the code on another device');

  const qr = page.getByRole('img', { name: /^QR code/ });
  await expect(qr).toHaveAccessibleName(`QR code for ${body.verification_uri_complete}`);
  await expect(qr).toHaveAttribute('src', await verificationQrDataUrl(body.verification_uri_complete));
  // It loaded: the content security policy let the data: image through.
  await expect
    .poll(() => qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth))
    .toBeGreaterThan(0);
  await axe(page, 'device code QR');
});

async function downloaded(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = (await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ])) as [Download, void];
  return { name: download.suggestedFilename(), text: fs.readFileSync((await download.path())!, 'utf8') };
}

test('a PKCE run exported as a Markdown transcript and a HAR file, with no raw code or token in either', async ({
  page,
}) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('authorization-code-pkce');
  await expect(page.getByRole('button', { name: 'Export HAR' })).toBeDisabled();
  const callback = page.waitForRequest((request) => new URL(request.url()).pathname === '/callback');
  await walkthrough.next();
  await signInAndAllow(walkthrough);
  const code = new URL((await callback).url()).searchParams.get('code')!;
  expect(code.length).toBeGreaterThan(8);
  const tokenResponse = page.waitForResponse((response) => response.url().endsWith('/oidc/token'));
  for (let i = 0; i < 20 && !(await walkthrough.flowComplete.isVisible()); i++) await walkthrough.next();
  await expect(walkthrough.flowComplete).toBeVisible();
  const tokens = (await (await tokenResponse).json()) as { access_token: string; id_token: string };
  const lines = await walkthrough.logLines();

  const transcript = await downloaded(page, 'Export transcript');
  expect(transcript.name).toBe('authorization-code-pkce-transcript.md');
  expect(transcript.text).toMatch(/^# .+/);
  expect(transcript.text).toContain('POST /oidc/token → 200 OK');
  expect(transcript.text).toContain('Sent by: The client running in this browser (back channel)');
  expect(transcript.text.match(/^### /gm)).toHaveLength(lines.length);
  expect(transcript.text).toContain(`"access_token":"${tokens.access_token.slice(0, 6)}…"`);

  const har = await downloaded(page, 'Export HAR');
  expect(har.name).toBe('authorization-code-pkce.har');
  const archive = JSON.parse(har.text) as {
    log: {
      version: string;
      entries: Array<{ request: { method: string; url: string }; response: { status: number } }>;
    };
  };
  expect(archive.log.version).toBe('1.2');
  expect(
    archive.log.entries.map(
      (entry) => `${entry.request.method} ${new URL(entry.request.url).pathname} ${entry.response.status}`,
    )[7],
  ).toBe('POST /oidc/token 200');
  expect(archive.log.entries).toHaveLength(lines.length);

  for (const file of [transcript, har]) {
    expect(file.text).not.toContain(tokens.access_token);
    expect(file.text).not.toContain(tokens.id_token);
    expect(file.text).not.toContain(code);
  }
});
