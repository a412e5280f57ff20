/**
 * Records each grant's and each attack scenario's exchanges from a real run, for the statement checks
 * (machines/walkthrough/statements.test.ts) and the room's secrets check
 * (machines/walkthrough/room-view-secrets.test.ts): every walkthrough is replayed to its end in
 * Chromium (a deep link with an unattended sign-in as alice), every scenario of the attack lab is run
 * with "Run the attack", once with its defenses off (the theft) and once with them all on (the
 * refusal), and the learner's trace is kept, less anything secret, as
 * machines/<grant>/recorded-exchanges.json, machines/attacks/<slug>/recorded-exchanges.json and
 * machines/attacks/<slug>/recorded-exchanges.defended.json.
 *
 *   next start -p 3241 (PUBLIC_ORIGIN=http://localhost:3241), then
 *   node e2e/support/record-exchanges.mjs http://localhost:3241 [slug …]
 *
 * The grants and scenarios are those the two registries list (registered-slugs.mjs); slugs after the
 * origin, grants or scenarios, record only those.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { resolveChromium } from './chromium.mjs';
import { registeredSlugs } from './registered-slugs.mjs';

const origin = process.argv[2] ?? 'http://localhost:3241';
// Further arguments record only those grants or scenarios (`… http://localhost:3241 dpop mix-up`).
const only = process.argv.slice(3);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { grants: GRANTS, scenarios: SCENARIOS } = registeredSlugs(root);
const ATTACKS_DIR = path.join(root, 'machines', 'attacks');
const unknown = only.filter((slug) => !GRANTS.includes(slug) && !SCENARIOS.includes(slug));
if (unknown.length) throw new Error(`No grant or attack scenario named ${unknown.join(', ')}`);
const chosen = (slugs) => slugs.filter((slug) => !only.length || only.includes(slug));

// What the checks read: roles, channel, method, address, the Authorization scheme, which form fields
// were sent, whether the server vouched for the call, the status. Values (tokens, secrets, codes) are
// not kept: each is replaced by NOT_KEPT, under its own name, so that a check can plant one back.
const NOT_KEPT = '[value not kept]';
const KEPT = new Set(['grant_type', 'token_type_hint', 'client_assertion_type', 'kind', 'error']);
const SCHEME_ONLY = (value) => `${value.split(' ')[0]} ${NOT_KEPT}`;
const valueFree = (params) =>
  new URLSearchParams(
    [...params].map(([name, value]) => [name, KEPT.has(name) ? value : NOT_KEPT]),
  ).toString();
const valueFreeJson = (value, name) =>
  Array.isArray(value)
    ? value.map((each) => valueFreeJson(each, name))
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).map(([key, each]) => [key, valueFreeJson(each, key)]))
      : typeof value === 'string' && !KEPT.has(name)
        ? NOT_KEPT
        : value;

// The lab's own routes (the attacker's server, its pages, the deliberately weak resource server) carry
// what was stolen in their query, fragment and JSON bodies: their names are kept, values dropped. Other
// addresses keep no query at all, as before.
const LAB = /^\/(api\/attacker|attacks)\//;
function trimmedUrl(address, bare) {
  const url = new URL(address, origin);
  if (!LAB.test(url.pathname)) return bare;
  const query = valueFree(url.searchParams);
  const fragment = valueFree(new URLSearchParams(url.hash.slice(1)));
  return `${bare}${query ? `?${query}` : ''}${fragment ? `#${fragment}` : ''}`;
}
const typeOf = (headers) => headers.find(([name]) => name === 'content-type')?.[1] ?? '';
// A form's field names everywhere; a JSON body's keys only on the lab's routes.
function trimmedBody(body, type, lab) {
  if (!body) return null;
  if (type.startsWith('application/x-www-form-urlencoded')) return valueFree(new URLSearchParams(body));
  if (lab && /^application\/([\w.+-]+\+)?json/.test(type)) {
    try {
      return JSON.stringify(valueFreeJson(JSON.parse(body)));
    } catch {
      return null;
    }
  }
  return null;
}

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
  const url = new URL(event.request.url);
  const lab = LAB.test(url.pathname);
  const responseBody = lab ? trimmedBody(event.response.body, typeOf(event.response.headers), lab) : null;
  return {
    from: event.from,
    to: event.to,
    channel: event.channel,
    request: {
      method: event.request.method,
      url: trimmedUrl(event.request.url, `${url.origin}${url.pathname}`),
      headers,
      body: trimmedBody(event.request.body, typeOf(headers), lab),
    },
    response: {
      status: event.response.status,
      headers: event.response.headers
        .filter(([name]) => name === 'location')
        .map(([name, value]) => [name, trimmedUrl(value, value.split('?')[0].split('#')[0])]),
      ...(responseBody !== null ? { body: responseBody } : {}),
    },
  };
}

async function keep(page, file, label) {
  const { events } = await (await page.request.get(`${origin}/api/trace`)).json();
  fs.writeFileSync(file, `${JSON.stringify({ origin, events: events.map(trim) }, null, 2)}\n`);
  console.log(`${label}: ${events.length} exchanges`);
}

const { executablePath } = await resolveChromium();
const browser = await chromium.launch({ executablePath });
for (const slug of chosen(GRANTS)) {
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
  await keep(page, path.join(root, 'machines', slug, 'recorded-exchanges.json'), slug);
  await context.close();
}
// A scenario runs whole from its page ("Run the attack" signs alice in unattended where it needs her),
// each run in a fresh context: a learner of its own, so the trace holds that run only.
for (const slug of chosen(SCENARIOS))
  for (const defended of [false, true]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/attacks/${slug}`);
    await page
      .getByRole('button', { name: 'Next step', exact: true })
      .and(page.locator(':enabled'))
      .waitFor();
    if (defended)
      for (const defense of await page.getByRole('checkbox', { name: /^Defense:/ }).all())
        await defense.check();
    await page.getByRole('button', { name: 'Run the attack', exact: true }).click();
    const outcome = page.getByRole('status', { name: 'Outcome', exact: true });
    const expected = defended ? 'Attack blocked' : 'Attack succeeded';
    await outcome.getByText(/^Attack (succeeded|blocked)$/).waitFor({ timeout: 90_000 });
    const ended = (await outcome.innerText()).includes(expected);
    if (!ended)
      throw new Error(`${slug}: expected "${expected}", the outcome reads ${await outcome.innerText()}`);
    const file = `recorded-exchanges${defended ? '.defended' : ''}.json`;
    await keep(page, path.join(ATTACKS_DIR, slug, file), `${slug}${defended ? ' (defended)' : ''}`);
    await context.close();
  }
await browser.close();
