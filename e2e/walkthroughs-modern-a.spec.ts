import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AuthorizationServerPage } from './pages/authorization-server-page';
import { WalkthroughPage } from './pages/walkthrough-page';
import { ORIGIN } from './support/origin';

// The two modern walkthroughs of this branch completed for real as alice, refusals included, in Chromium
// against the production build: pushed authorization requests (RFC 9126) and private_key_jwt (RFC 7523).

async function expectNoSeriousAxeViolations(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(
    violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** "Next step" on a step that sends the browser away: wait until it is back on the walkthrough. */
async function nextThroughTheBrowser(walkthrough: WalkthroughPage) {
  await walkthrough.nextStep.click();
  await walkthrough.page.waitForURL(/\/oidc\/|\/callback|\/interaction\//);
  await walkthrough.page.waitForURL(/\/grants\//);
}

test('PAR: the request is pushed, the browser carries a request_uri, tokens follow; reuse and a classic request are refused', async ({
  page,
}) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('pushed-authorization-request');
  const preview = page.getByLabel('Request about to be sent');
  await expect(preview).toContainText(`POST ${ORIGIN}/oidc/request`);
  await expect(preview).toContainText('code_challenge_method=S256');
  await expect(walkthrough.card).toContainText(
    'Sent by: The client’s backend, on the playground’s server (back channel), pushing the authorization request (PAR, RFC 9126), with the client secret (HTTP Basic)',
  );
  await walkthrough.next();
  await expect(page.getByRole('heading', { name: 'The response: 201' })).toBeVisible();
  await expect(page.getByLabel('Response body')).toContainText('urn:ietf:params:oauth:request_uri:');
  await expect(page.getByLabel('Response body')).toContainText('"expires_in": 60');

  await walkthrough.next();
  const urls = page.getByRole('region', { name: 'The two authorization URLs' });
  await expect(urls.getByLabel('Classic authorization URL')).toContainText('code_challenge=');
  await expect(urls.getByLabel('Classic authorization URL')).toContainText('redirect_uri=');
  const pushed = urls.getByLabel('Pushed authorization URL');
  await expect(pushed).toContainText('request_uri=urn:ietf:params:oauth:request_uri:');
  await expect(pushed).not.toContainText('code_challenge');
  await expect(urls).toContainText('Pushed (PAR): 2 parameters');
  await expectNoSeriousAxeViolations(page, 'PAR, the two URLs');

  await walkthrough.nextStep.click();
  const as = new AuthorizationServerPage(page);
  await expect(as.heading).toHaveText('Sign in');
  await as.signIn('alice', 'wonderland');
  await as.allow();
  await page.waitForURL(/\/grants\//);
  await expect(
    page.getByRole('definition').filter({ hasText: 'Matches what the client sent: checked.' }),
  ).toBeVisible();

  await walkthrough.next(); // to the token request
  await walkthrough.next(); // sent
  await expect(page.getByRole('heading', { name: 'The response: 200' })).toBeVisible();
  await walkthrough.next(); // to the API call
  await walkthrough.next(); // sent
  await walkthrough.next(); // to the reuse
  await expect(walkthrough.stepTitle).toHaveText(
    'Open the same authorization URL again: the request_uri is spent',
  );
  await nextThroughTheBrowser(walkthrough);
  await expect(walkthrough.stepTitle).toHaveText('Refused: invalid_request_uri');
  const reused = page.getByLabel('Callback parameters');
  await expect(reused).toContainText('invalid_request_uri');
  await expect(reused).toContainText('request_uri is invalid, expired, or was already used');
  await expectNoSeriousAxeViolations(page, 'PAR, reuse refused');

  await walkthrough.next(); // to the classic request
  await nextThroughTheBrowser(walkthrough);
  await expect(walkthrough.stepTitle).toHaveText('Refused: a pushed authorization request must be used');
  const classic = page.getByLabel('Callback parameters');
  await expect(classic).toContainText('invalid_request');
  await expect(classic).toContainText('Pushed Authorization Request must be used');
  await walkthrough.next();
  await expect(walkthrough.flowComplete).toBeVisible();

  const lines = await walkthrough.logLines();
  expect(lines[0]).toBe('POST /oidc/request 201');
  expect(lines).toContain('POST /oidc/token 200');
  expect(lines).toContain('GET /api/v1/accounts/verify_credentials 200');
  const afterToken = lines.slice(lines.indexOf('POST /oidc/token 200'));
  expect(afterToken.filter((line) => line === 'GET /oidc/auth 303')).toHaveLength(2);
});

test('private_key_jwt: the backend signs an assertion, verified against the registered key; a replay and a wrong aud are refused', async ({
  page,
}) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('private-key-jwt');
  const preview = page.getByLabel('Request about to be sent');
  await expect(preview).toContainText(
    'client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
  );
  await expect(preview).toContainText('client_assertion=<signed by the client backend when sent>');
  await expect(preview).not.toContainText('Authorization');
  await expect(walkthrough.card).toContainText(
    'Sent by: The client’s backend, on the playground’s server (back channel), with a signed client assertion (private_key_jwt), no client secret',
  );

  await walkthrough.next();
  await expect(page.getByRole('heading', { name: 'The response: 200' })).toBeVisible();
  const assertion = page.getByRole('region', { name: 'The client assertion the backend signed' });
  await expect(assertion.getByRole('status')).toHaveText(
    'Signature verified with the public key registered for playground-private-key-jwt.',
  );
  const claims = assertion.getByLabel('Client assertion claims');
  for (const claim of ['iss', 'sub', 'aud', 'jti', 'iat', 'exp'])
    await expect(claims.getByRole('term').filter({ hasText: new RegExp(`^${claim}$`) })).toBeVisible();
  // draft-ietf-oauth-rfc7523bis: the audience is the issuer, not the token endpoint.
  await expect(claims).toContainText(`${ORIGIN}/oidc`);
  await expect(claims).not.toContainText(`${ORIGIN}/oidc/token`);
  await expect(assertion).toContainText('alg ES256');
  await expectNoSeriousAxeViolations(page, 'private_key_jwt, the assertion');

  await walkthrough.next(); // to the API call
  await walkthrough.next(); // sent
  await expect(page.getByLabel('Response body')).toContainText('Playground Service (private_key_jwt');
  await walkthrough.next(); // to the replay
  await expect(page.getByRole('region', { name: 'The client assertion sent again' })).toBeVisible();
  await walkthrough.next();
  await expect(page.getByRole('heading', { name: 'The response: 401' })).toBeVisible();
  await expect(page.getByLabel('Response body')).toContainText('"error": "invalid_client"');
  await expect(page.getByLabel('Response body')).toContainText('client authentication failed');

  await walkthrough.next(); // to the wrong audience: the token endpoint, refused since 2025
  await expect(walkthrough.card).toContainText('CVE-2025-27370');
  await walkthrough.next();
  await expect(walkthrough.flowComplete).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The response: 401' })).toBeVisible();
  await expect(page.getByLabel('Response body')).toContainText('"error": "invalid_client"');
  await expect(
    page
      .getByRole('region', { name: 'The client assertion the backend signed' })
      .getByLabel('Client assertion claims'),
  ).toContainText(`${ORIGIN}/oidc/token`);

  await expect
    .poll(() => walkthrough.logLines())
    .toEqual([
      'POST /oidc/token 200',
      'POST /oidc/token/introspection 200',
      'GET /api/v1/apps/verify_credentials 200',
      'POST /oidc/token 401',
      'POST /oidc/token 401',
    ]);
});

test('a wrong audience that is not a URL is refused by the client backend with a clear error', async ({
  page,
}) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('private-key-jwt');
  for (let i = 0; i < 6; i++) await walkthrough.next();
  await page.getByLabel('aud', { exact: true }).fill('not a url');
  await walkthrough.next();
  await expect(walkthrough.error).toContainText('clientAssertion.aud must be a URL');
});

test('the home page groups the grants as the classics and modern OAuth, saying which profile needs each', async ({
  page,
}) => {
  await page.goto('/');
  const grants = page.getByRole('region', { name: 'The grants' });
  const classics = grants.getByRole('region', { name: 'The classics' });
  const modern = grants.getByRole('region', { name: 'Modern OAuth' });
  await expect(
    classics.getByRole('link', { name: 'Authorization code with PKCE', exact: true }),
  ).toBeVisible();
  const par = modern.getByRole('listitem').filter({ hasText: 'Pushed authorization request (PAR)' });
  await expect(par).toContainText('Needed by: FAPI 2.0 (required); OAuth 2.1-era recommendation');
  const signed = modern
    .getByRole('listitem')
    .filter({ hasText: 'Client authentication with private_key_jwt' });
  await expect(signed).toContainText('Needed by: FAPI 2.0');
  await expect(classics.getByRole('link', { name: 'Pushed authorization request (PAR)' })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page, 'home');
});

test('a deep link past the reused request_uri replays both trips to the authorization server and lands on the refusal', async ({
  page,
}) => {
  const walkthrough = new WalkthroughPage(page);
  await page.goto('/grants/pushed-authorization-request?step=7&login=alice');
  await expect(walkthrough.autopilotStatus).toHaveText(/Landed on step 7/, { timeout: 45_000 });
  await expect(walkthrough.stepTitle).toHaveText('Refused: invalid_request_uri');
  await expect(page.getByLabel('Callback parameters')).toContainText(
    'request_uri is invalid, expired, or was already used',
  );
  const lines = await walkthrough.logLines();
  expect(lines[0]).toBe('POST /oidc/request 201');
  expect(lines.filter((line) => line === 'GET /oidc/auth 303')).toHaveLength(2);
});

test('a deep link to the replay step holds the assertion the replay signed, ready to send again', async ({
  page,
}) => {
  const walkthrough = new WalkthroughPage(page);
  await page.goto('/grants/private-key-jwt?step=3');
  await expect(walkthrough.autopilotStatus).toHaveText(/Landed on step 3/, { timeout: 30_000 });
  await expect(walkthrough.stepTitle).toHaveText('Replay the same assertion: refused');
  await expect(
    page.getByRole('region', { name: 'The client assertion sent again' }).getByRole('status'),
  ).toHaveText('Signature verified with the public key registered for playground-private-key-jwt.');
  await walkthrough.next();
  await expect(page.getByLabel('Response body')).toContainText('"error": "invalid_client"');
});

test('compare: PKCE beside PAR, and client credentials beside private_key_jwt, say how they differ', async ({
  page,
}) => {
  const table = page.getByRole('region', { name: 'Comparison' }).getByRole('table');
  const cell = (aspect: string, column: number) =>
    table
      .getByRole('row', { name: new RegExp(`^${aspect.replace(/[()]/g, '\\$&')}`) })
      .getByRole('cell')
      .nth(column);
  await page.goto('/compare?left=authorization-code-pkce&right=pushed-authorization-request');
  await expect(cell('Authorization request', 0)).toHaveText('in the URL, readable in the browser');
  await expect(cell('Authorization request', 1)).toHaveText(
    'pushed by the client’s backend (PAR); the browser carries only a request_uri',
  );
  await expect(cell('OAuth 2.1', 1)).toHaveText(
    'an addition to it; FAPI 2.0 (required); OAuth 2.1-era recommendation',
  );
  for (const aspect of [
    'Front-channel hops (this run)',
    'Back-channel hops (this run)',
    'Where tokens are exposed',
  ])
    await expect(cell(aspect, 1)).toHaveText('not yet run');

  await page.goto('/compare?left=client-credentials&right=private-key-jwt');
  await expect(cell('Who authenticates the client', 0)).toHaveText('the client, with its secret');
  await expect(cell('Who authenticates the client', 1)).toHaveText(
    'the client, with a JWT signed by its private key (private_key_jwt); no shared secret',
  );
  const right = page.getByRole('region', { name: 'Right: Client authentication with private_key_jwt' });
  await right.getByRole('button', { name: 'Next step', exact: true }).click();
  await expect(cell('Back-channel hops (this run)', 1)).not.toHaveText('not yet run');
  await expect(cell('Where tokens are exposed', 1)).toHaveText(/^the client’s server/);
  await expectNoSeriousAxeViolations(page, 'compare');
});
