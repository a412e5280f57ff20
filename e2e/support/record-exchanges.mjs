/**
 * Records each grant's exchanges from a real run, for the statement checks
 * (machines/walkthrough/statements.test.ts): every walkthrough is replayed to its end in Chromium
 * (a deep link with an unattended sign-in as alice), and the learner's trace is kept, less anything
 * secret, as machines/<grant>/recorded-exchanges.json.
 *
 *   next start -p 3241 (PUBLIC_ORIGIN=http://localhost:3241), then
 *   node e2e/support/record-exchanges.mjs http://localhost:3241 [slug …]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { resolveChromium } from './chromium.mjs';

const origin = process.argv[2] ?? 'http://localhost:3241';
// Further arguments record only those grants (`… http://localhost:3241 dpop token-exchange`).
const only = process.argv.slice(3);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GRANTS = [
  'authorization-code',
  'authorization-code-pkce',
  'implicit',
  'client-credentials',
  'password',
  'device-code',
  'refresh-token',
  'pushed-authorization-request',
  'private-key-jwt',
  'dpop',
  'token-exchange',
];

// What the checks read: roles, channel, method, address, the Authorization scheme, which form fields
// were sent, whether the server vouched for the call, the status. Values (tokens, secrets, codes) are not kept.
const SCHEME_ONLY = (value) => `${value.split(' ')[0]} [value not kept]`;
function trim(event) {
  const headers = event.request.headers
    .filter(([name]) =>
      [
        'authorization',
        'content-type',
        'host',
        'x-playground-on-behalf',
        'x-playground-from',
        'x-playground-party',
        'dpop',
      ].includes(name),
    )
    .map(([name, value]) => [
      name,
      name === 'authorization' ? SCHEME_ONLY(value) : name === 'dpop' ? '[proof not kept]' : value,
    ]);
  const form =
    event.request.body &&
    headers.some(
      ([name, value]) => name === 'content-type' && value.startsWith('application/x-www-form-urlencoded'),
    )
      ? new URLSearchParams(
          [...new URLSearchParams(event.request.body)].map(([name, value]) => [
            name,
            ['grant_type', 'token_type_hint', 'client_assertion_type'].includes(name)
              ? value
              : '[value not kept]',
          ]),
        ).toString()
      : null;
  const url = new URL(event.request.url);
  return {
    from: event.from,
    to: event.to,
    channel: event.channel,
    request: { method: event.request.method, url: `${url.origin}${url.pathname}`, headers, body: form },
    response: {
      status: event.response.status,
      headers: event.response.headers
        .filter(([name]) => name === 'location')
        .map(([name, value]) => [name, value.split('?')[0].split('#')[0]]),
    },
  };
}

const { executablePath } = await resolveChromium();
const browser = await chromium.launch({ executablePath });
for (const slug of GRANTS.filter((each) => !only.length || only.includes(each))) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/grants/${slug}?step=999`);
  const steps = Number(
    (
      await page
        .getByText(/has steps 1 to \d+/)
        .first()
        .innerText()
    ).match(/to (\d+)/)[1],
  );
  await page.goto(`${origin}/grants/${slug}?step=${steps}&login=alice`);
  const next = page.getByRole('button', { name: 'Next step', exact: true }).and(page.locator(':enabled'));
  const complete = page.getByRole('status').filter({ hasText: 'Flow complete' });
  // The last step: send it, then read its answer; the walkthrough is complete after both.
  while (!(await complete.isVisible())) {
    await next.or(complete).first().waitFor({ timeout: 60_000 });
    if (await next.isVisible()) await next.click();
  }
  const { events } = await (await page.request.get(`${origin}/api/trace`)).json();
  const recorded = { origin, events: events.map(trim) };
  fs.writeFileSync(
    path.join(root, 'machines', slug, 'recorded-exchanges.json'),
    `${JSON.stringify(recorded, null, 2)}\n`,
  );
  console.log(`${slug}: ${events.length} exchanges`);
  await context.close();
}
await browser.close();
