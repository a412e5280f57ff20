import { expect, test } from './fixtures';
import { axe } from './pages/attack-lab';
import { AuthorizationServerPage } from './pages/authorization-server-page';
import { WalkthroughPage } from './pages/walkthrough-page';

// Token exchange (RFC 8693) with a DPoP-bound subject token (RFC 9449), completed for real as alice in
// Chromium against the production build: the proofs are signed in this browser with the run's key and
// forwarded by the assistant's backend; the binding survives the exchange.

/** Presses "Next step" until the step titled `title` has its answer on screen. */
async function stepThrough(walkthrough: WalkthroughPage, title: string) {
  const answered = walkthrough.card.locator('[data-phase="answered"]');
  for (let i = 0; i < 12; i++) {
    if ((await walkthrough.stepTitle.innerText()) === title && (await answered.isVisible())) break;
    await walkthrough.next();
  }
  await expect(walkthrough.stepTitle).toHaveText(title);
  await expect(answered).toBeVisible();
}

/** The value of a claim in a decoded token of the Tokens region. */
const claim = (token: ReturnType<WalkthroughPage['token']>, name: string) =>
  token.locator('dt', { hasText: new RegExp(`^${name}$`) }).locator('xpath=following-sibling::dd[1]');

test('token exchange with Sender constraint DPoP: alice’s bound token is exchanged with a proof, and the new token stays bound to the same key', async ({
  page,
}) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('token-exchange');
  await walkthrough.next();
  const as = new AuthorizationServerPage(page);
  await expect(as.heading).toHaveText('Sign in');
  await as.signIn('alice', 'wonderland');
  await as.allow();
  await page.waitForURL(/\/grants\//);
  await walkthrough.next();

  await expect(walkthrough.stepTitle).toHaveText(
    'The chat app redeems the code: alice’s token, for the assistant',
  );
  const constraint = page.getByLabel('Sender constraint');
  await expect(constraint).toHaveValue('Bearer');
  await constraint.selectOption('DPoP');
  await stepThrough(walkthrough, 'The chat app redeems the code: alice’s token, for the assistant');
  await expect(walkthrough.card).toContainText('"token_type": "DPoP"');
  const subject = walkthrough.token('The user’s token for the assistant (subject_token)');
  const subjectJkt = claim(subject, 'cnf');
  await expect(subjectJkt).toContainText('"jkt"');
  const boundTo = /\{"jkt":"[\w-]{43}"\}/.exec(await subjectJkt.innerText())?.[0];
  expect(boundTo).toBeDefined();

  await stepThrough(walkthrough, 'Exchange alice’s token for one to call the API');
  await expect(walkthrough.card).toContainText('"token_type": "DPoP"');
  await expect(walkthrough.card).toContainText(
    '"issued_token_type": "urn:ietf:params:oauth:token-type:access_token"',
  );
  const exchanged = walkthrough.token('Access token');
  // RFC 9449 §5 through the exchange: the same key's thumbprint as the subject token's.
  await expect(claim(exchanged, 'cnf')).toContainText(boundTo!);
  await expect(exchanged).toContainText('{"sub":"playground-assistant"}');
  await expect(walkthrough.token('Last DPoP proof (signed in this browser)')).toContainText('JWT (dpop+jwt)');
  await axe(page, 'token-exchange (DPoP exchange)');

  await stepThrough(walkthrough, 'The assistant calls the API as alice');
  await expect(walkthrough.card).toContainText('"username": "alice"');
  await stepThrough(walkthrough, 'The API says who acted for whom');
  await expect(walkthrough.card).toContainText('acting for alice (act.sub: playground-assistant)');
  await stepThrough(walkthrough, 'A wider scope is refused');
  await expect(walkthrough.card).toContainText('"error": "invalid_scope"');
  await stepThrough(walkthrough, 'Another audience is refused');
  await expect(walkthrough.card).toContainText('"error": "invalid_target"');
  await expect(walkthrough.flowComplete).toBeVisible();
  await axe(page, 'token-exchange (DPoP, complete)');
});
