import type { Page } from '@playwright/test';
import type { AttackScenario } from '../lib/attacks/types';
import { TOKEN_WITHOUT_DOWNGRADE_CHECK } from '../machines/attacks/pkce-downgrade/weak-token-endpoint';
import { titleOf } from '../lib/diagram/roles';
import { ATTACKS } from '../machines/attacks/registry';
import { contextFor } from '../machines/walkthrough/statements';
import { expect, test } from './fixtures';
import { finishTrip } from './flows/trip';
import { openAttack, outcome } from './pages/attack-lab';
import { Diagram } from './pages/diagram';
import { WalkthroughPage } from './pages/walkthrough-page';
import { arrowOf, redirectArrowOf, type LogEntry } from './support/arrow';
import { ORIGIN } from './support/origin';

// Issue 23: after each "Next step" the highlighted arrow is the step's own message, in every scenario of the
// attack lab, stepped by hand. What the arrow must be comes from what the page showed before the press (the
// request the step previewed) and the HTTP log after it (that request's exchange, the trip's hand-off into the
// Attacker or its redirect to the redirect URI), never from the diagram's own choice.

// A lab wrapper in front of an endpoint: the log records what the endpoint received from it.
const RECORDED_AS: Record<string, string> = { [TOKEN_WITHOUT_DOWNGRADE_CHECK]: '/oidc/token' };

const ATTACKER = 'Attacker';

/** The request a step previews, before "Next step" sends it: `GET /oidc/me`. */
async function previewed(walkthrough: WalkthroughPage) {
  const preview = walkthrough.card.getByLabel('Request about to be sent');
  if (!(await preview.count())) return undefined;
  const [method, url] = (await preview.innerText()).split('\n')[0]!.split(' ');
  return { method: method!, path: new URL(url!).pathname };
}

type Expected = RegExp | 'nothing';

/**
 * The arrow a trip through the browser ends on (a `navigate` step, and the callback step it brings into
 * view): the hand-off into the Attacker when the trip carries one there, the forward to the attacker's page
 * when a defense left it nothing to carry, otherwise the authorization response carried to the redirect URI.
 * Undefined while the log does not show the trip's end yet.
 */
function tripArrow(
  attack: AttackScenario,
  index: number,
  params: Record<string, string>,
  added: LogEntry[],
): RegExp | undefined {
  const context = (at: number) => ({ ...contextFor(attack, ORIGIN, at), params });
  const step = attack.steps[index]!;
  const action = step.action(context(index));
  const next = attack.steps[index + 1]?.action(context(index + 1));
  const handOffAt =
    'step' in attack.handOff && attack.handOff.step === step.id
      ? attack.handOff.receivedAt
      : next?.kind === 'callback'
        ? next.arrivesAt
        : undefined;
  if (handOffAt) {
    const handOff = added.findLast((entry) => entry.path === handOffAt);
    if (handOff) return arrowOf(handOff, 'Resource Owner', ATTACKER);
    const defended = attack.defenses.some((defense) => params[defense.param] === 'on');
    const forward = added.findLast((entry) => /^browser → attacker, front channel/.test(entry.direction));
    return defended && forward ? arrowOf(forward, 'Resource Owner', ATTACKER, 'front') : undefined;
  }
  const redirectUri =
    action.kind === 'navigate' && new URL(action.path, ORIGIN).searchParams.get('redirect_uri');
  if (!redirectUri) throw new Error(`${attack.slug}: step ${index + 1} names no redirect URI`);
  const arrival = added.findLast((entry) =>
    new URL(entry.location ?? '/', ORIGIN).href.startsWith(redirectUri),
  );
  return arrival && redirectArrowOf(arrival);
}

/**
 * Steps through a scenario by hand from its first step until its verdict, and after each "Next step"
 * checks the highlighted arrow. Answers the arrows checked, with whether the step was refused.
 */
async function walk(page: Page, attack: AttackScenario, params: Record<string, string>) {
  const walkthrough = new WalkthroughPage(page);
  const diagram = new Diagram(page);
  const home = new RegExp(`/attacks/${attack.slug}([?#]|$)`);
  const visited = new Set<number>();
  const checked: Array<{ step: number; refused: boolean }> = [];
  let expected: Expected | undefined;
  const verdict = outcome(page).getByText(/^Attack (succeeded|blocked)$/);
  for (let press = 0; press < 30 && !(await verdict.isVisible()); press++) {
    const [stepIndex, state] = (await walkthrough.card.getAttribute('data-progress'))!.split(':');
    const index = Number(stepIndex);
    const step = attack.steps[index]!;
    const kind = step.action({ ...contextFor(attack, ORIGIN, index), params }).kind;
    const request = state === 'ready' ? await previewed(walkthrough) : undefined;
    const before = (await walkthrough.logEntries()).length;
    if (state === 'ready') visited.add(index);
    await walkthrough.next();
    await finishTrip(page, home);
    await expect(page.getByRole('status').filter({ hasText: 'Sending…' })).toHaveCount(0);
    const [, after] = (await walkthrough.card.getAttribute('data-progress'))!.split(':');
    /** What `derive` makes of the exchanges this press added, once the log shows them. */
    const fromLog = async <T>(derive: (added: LogEntry[]) => Promise<T | undefined>, what: string) => {
      let derived: T | undefined;
      await expect
        .poll(
          async () => (derived = await derive((await walkthrough.logEntries()).slice(before))) !== undefined,
          {
            message: `${attack.slug}, step ${index + 1}: ${what}`,
          },
        )
        .toBe(true);
      return derived!;
    };
    if (state === 'ready' && kind === 'navigate')
      expected = await fromLog(
        async (added) => tripArrow(attack, index, params, added),
        'the trip’s end in the log',
      );
    else if (state === 'ready' && kind !== 'callback' && request) {
      // A step that sends: its own request's exchange, between the parties the step names. The lab's
      // attacker answers nothing_stolen, sending nothing, when it holds nothing to send: no arrow is its own.
      const path = RECORDED_AS[request.path] ?? request.path;
      const nothing = walkthrough.card.getByText('nothing_stolen');
      expected = await fromLog<Expected>(async (added) => {
        const own = added.find((entry) => entry.method === request.method && entry.path === path);
        if (own)
          return arrowOf(own, titleOf(step.from, attack.roles), titleOf(step.to, attack.roles), step.channel);
        return (await nothing.count()) ? 'nothing' : undefined;
      }, `${request.method} ${path} in the log`);
    }
    // A step that sends nothing (skipped), and "Next step" on a step already answered, change nothing.
    if (expected === undefined) continue;
    const what = `${attack.slug}: after “Next step” on step ${index + 1} (${state})`;
    if (expected === 'nothing') {
      await expect(diagram.current, what).toHaveCount(0);
      checked.push({ step: index, refused: true });
      continue;
    }
    await expect(diagram.current, what).toHaveAttribute('aria-label', expected);
    // Bold, and in the Attacker's red exactly when it goes to or from the Attacker.
    const label = (await diagram.current.getAttribute('aria-label'))!;
    await expect(diagram.currentArrow).toHaveCSS('stroke-width', '3px');
    if (/, (Attacker to [^,]*|[^,]* to Attacker), \w+ channel$/.test(label))
      await expect(diagram.currentArrow).toHaveCSS('stroke', 'rgb(185, 28, 28)');
    else await expect(diagram.currentArrow).not.toHaveAttribute('data-attacker');
    checked.push({ step: index, refused: after === 'failed' || / → [45]\d\d, /.test(label) });
  }
  await expect(verdict).toBeVisible();
  return { visited, checked };
}

for (const attack of ATTACKS) {
  test(`${attack.slug}: after each “Next step” the highlighted arrow is the step’s own message`, async ({
    page,
  }) => {
    // Two whole runs by hand, sign-ins included, on a busy machine.
    test.setTimeout(180_000);
    await openAttack(page, attack.slug);
    await test.step('defenses off: every step', async () => {
      const { visited } = await walk(page, attack, { ...attack.defaults });
      await expect(outcome(page)).toContainText('Attack succeeded');
      expect([...visited].sort((a, b) => a - b)).toEqual(attack.steps.map((_step, index) => index));
    });
    for (const defense of attack.defenses) {
      await test.step(`${defense.label} on: through the refusal`, async () => {
        await page.getByRole('checkbox', { name: defense.label }).check();
        await expect(page.getByRole('button', { name: 'Next step' })).toBeEnabled();
        await expect(new WalkthroughPage(page).card).toHaveAttribute('data-progress', /^0:ready:/);
        const { checked } = await walk(page, attack, { ...attack.defaults, [defense.param]: 'on' });
        await expect(outcome(page)).toContainText('Attack blocked');
        expect(
          checked.filter(({ refused }) => refused),
          `${attack.slug}: the refusal’s arrow was checked`,
        ).not.toEqual([]);
      });
    }
  });
}
