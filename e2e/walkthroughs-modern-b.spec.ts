import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { AuthorizationServerPage } from './pages/authorization-server-page';
import { WalkthroughPage } from './pages/walkthrough-page';
import { textOnScreen } from './support/rendered-text';

// DPoP (RFC 9449) and token exchange (RFC 8693) completed for real as alice, in Chromium, against the
// production build: the proofs are signed in this browser, the refusals are the servers' own.

const FRONT_CHANNEL_CODE_FLOW = [
  'GET /oidc/auth 303',
  'GET /interaction/:uid 200',
  'POST /interaction/:uid/login 303',
  'GET /oidc/auth/:uid 303',
  'GET /interaction/:uid 200',
  'POST /interaction/:uid/confirm 303',
  'GET /oidc/auth/:uid 303',
];

async function signInAndAllow(walkthrough: WalkthroughPage) {
  const as = new AuthorizationServerPage(walkthrough.page);
  await expect(as.heading).toHaveText('Sign in');
  await as.signIn('alice', 'wonderland');
  await as.allow();
  await walkthrough.page.waitForURL(/\/grants\//);
}

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

async function axe(walkthrough: WalkthroughPage, slug: string) {
  const { violations } = await new AxeBuilder({ page: walkthrough.page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${slug}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
    [],
  );
}

test('DPoP: a key pair in the browser, the nonce, a bound token, proofs per call, and the refusals', async ({
  page,
}) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('dpop');
  await axe(walkthrough, 'dpop');
  await walkthrough.next();
  await signInAndAllow(walkthrough);
  await walkthrough.next();

  // The first proof has no nonce: the server asks for one.
  await stepThrough(walkthrough, 'Token request with a DPoP proof: the server asks for its nonce');
  await expect(walkthrough.card).toContainText('"error": "use_dpop_nonce"');
  await expect(walkthrough.card.getByText(/^DPoP-Nonce: \S+/)).toBeVisible();

  await stepThrough(walkthrough, 'The same request with the server’s nonce: a DPoP-bound token');
  await expect(walkthrough.card).toContainText('"token_type": "DPoP"');
  await expect(walkthrough.token('Access token')).toContainText('"jkt"');
  const proof = walkthrough.token('Last DPoP proof (signed in this browser)');
  await expect(proof).toContainText('JWT (dpop+jwt)');
  await expect(proof).toContainText('verified with the public key in its own header (jwk)');
  await expect(proof.getByLabel('JWT header')).toContainText('"jwk"');
  for (const claim of ['htm', 'htu', 'iat', 'jti', 'nonce'])
    await expect(proof.locator('dt', { hasText: new RegExp(`^${claim}$`) })).toBeVisible();
  // The key pair is non-extractable and stays in this browser.
  expect(
    await page.evaluate(async () => {
      const open = indexedDB.open('playground-dpop');
      const database = await new Promise<IDBDatabase>(
        (resolve) => (open.onsuccess = () => resolve(open.result)),
      );
      const keys = await new Promise<CryptoKeyPair[]>((resolve) => {
        const all = database.transaction('keys').objectStore('keys').getAll();
        all.onsuccess = () => resolve(all.result as CryptoKeyPair[]);
      });
      return keys.map((pair) => [pair.privateKey.extractable, pair.privateKey.algorithm.name]);
    }),
  ).toContainEqual([false, 'ECDSA']);

  await stepThrough(walkthrough, 'Call the API with the DPoP scheme and a fresh proof');
  await expect(walkthrough.card).toContainText('"username": "alice"');
  await expect(proof.locator('dt', { hasText: /^ath$/ })).toBeVisible();

  await stepThrough(walkthrough, 'A thief replays the token as a Bearer token');
  await expect(walkthrough.card).toContainText(
    'WWW-Authenticate: DPoP algs="ES256 Ed25519 EdDSA", error="invalid_token", error_description="the access token is DPoP-bound: present it with Authorization: DPoP and a proof, not as a Bearer token"',
  );
  await stepThrough(walkthrough, 'A proof made for another request is refused');
  await expect(walkthrough.flowComplete).toBeVisible();
  await expect(walkthrough.card).toContainText(
    /WWW-Authenticate: DPoP algs="ES256 Ed25519 EdDSA", error="invalid_dpop_proof", error_description="the proof is for POST, this request is GET \(htm mismatch\)"/,
  );
  await expect(walkthrough.page.getByRole('group', { name: 'Client' })).toContainText('a DPoP key pair');

  await expect
    .poll(() => walkthrough.logLines())
    .toEqual([
      ...FRONT_CHANNEL_CODE_FLOW,
      'POST /oidc/token 400',
      'POST /oidc/token 200',
      'GET /oidc/jwks 200',
      'GET /api/v1/accounts/verify_credentials 200',
      'POST /api/v1/statuses 200',
      'GET /api/v1/accounts/verify_credentials 401',
      'GET /api/v1/accounts/verify_credentials 401',
    ]);
  await axe(walkthrough, 'dpop (complete)');
});

test('token exchange: alice’s token for the assistant, exchanged for one that names the assistant as actor', async ({
  page,
}) => {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('token-exchange');
  await axe(walkthrough, 'token-exchange');
  // The assistant is a party of its own on the diagram.
  await expect(page.getByRole('group', { name: 'Assistant (agent)' })).toBeVisible();
  await walkthrough.next();
  await signInAndAllow(walkthrough);
  await walkthrough.next();

  await stepThrough(walkthrough, 'Exchange alice’s token for one to call the API');
  await expect(walkthrough.card).toContainText(
    '"issued_token_type": "urn:ietf:params:oauth:token-type:access_token"',
  );
  const exchanged = walkthrough.token('Access token');
  await expect(exchanged.locator('dt', { hasText: /^act$/ })).toBeVisible();
  await expect(exchanged).toContainText('{"sub":"playground-assistant"}');
  await expect(walkthrough.token('The user’s token for the assistant (subject_token)')).toContainText(
    '/assistant',
  );

  await stepThrough(walkthrough, 'The API says who acted for whom');
  await expect(walkthrough.card).toContainText('acting for alice (act.sub: playground-assistant)');
  await stepThrough(walkthrough, 'A wider scope is refused');
  await expect(walkthrough.card).toContainText('"error": "invalid_scope"');
  await expect(walkthrough.card).toContainText(
    'requested scope exceeds the subject_token’s scope (read write)',
  );
  await stepThrough(walkthrough, 'Another audience is refused');
  await expect(walkthrough.flowComplete).toBeVisible();
  await expect(walkthrough.card).toContainText('"error": "invalid_target"');
  await expect(walkthrough.card).toContainText(
    'https://mail.example/api is not an audience this server issues exchanged tokens for',
  );

  // The assistant's calls are drawn from its own node; the chat app's from the client's.
  const assistant = page.getByRole('group', { name: 'Assistant (agent)' });
  await expect(assistant).toContainText('its own token (actor_token)');
  await expect(assistant).toContainText('an exchanged token (act: itself)');
  await expect(page.getByRole('list', { name: 'Message sequence' })).toContainText(
    'Assistant (agent) to Authorization Server, back channel: POST /oidc/token → 200',
  );
  await expect(page.getByRole('list', { name: 'Message sequence' })).toContainText(
    'Client to Authorization Server, back channel: POST /oidc/token → 200',
  );
  await expect
    .poll(() => walkthrough.logLines())
    .toEqual([
      ...FRONT_CHANNEL_CODE_FLOW,
      'POST /oidc/token 200',
      'GET /oidc/jwks 200',
      'POST /oidc/token 200',
      'POST /oidc/token 200',
      'GET /api/v1/accounts/verify_credentials 200',
      'POST /api/v1/statuses 200',
      'POST /oidc/token 400',
      'POST /oidc/token 400',
    ]);
  await axe(walkthrough, 'token-exchange (complete)');
});

test.describe('the presenter view on a 1920x1080 projector, with the new parties and holdings', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  for (const [slug, step] of [
    ['dpop', 5],
    ['token-exchange', 6],
  ] as const) {
    test(`${slug}: a deep link lands with the graph, every node on screen and no text under 24 px`, async ({
      page,
    }) => {
      const walkthrough = new WalkthroughPage(page);
      await page.goto(`/grants/${slug}?step=${step}&login=alice&present=1`);
      await expect(walkthrough.stepNumber).toContainText(`Step ${step} of`, { timeout: 60_000 });
      await expect(walkthrough.nextStep).toBeEnabled();
      expect((await textOnScreen(page)).filter(({ size }) => size < 24)).toEqual([]);
      const graph = (await page.getByTestId('flow-graph').boundingBox())!;
      const titles = ['Resource Owner', 'Client', 'Authorization Server', 'Resource Server'];
      if (slug === 'token-exchange') titles.push('Assistant (agent)');
      for (const title of titles) {
        const node = (await page
          .getByTestId('flow-graph')
          .getByRole('group', { name: title })
          .boundingBox())!;
        expect(node.x, title).toBeGreaterThanOrEqual(graph.x);
        expect(node.y, title).toBeGreaterThanOrEqual(graph.y);
        expect(node.x + node.width, title).toBeLessThanOrEqual(graph.x + graph.width + 1);
        expect(node.y + node.height, title).toBeLessThanOrEqual(graph.y + graph.height + 1);
      }
    });
  }
});
