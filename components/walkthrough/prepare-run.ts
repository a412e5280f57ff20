import type { WalkthroughInput } from '@/machines/walkthrough/create-walkthrough-machine';
import { isDemoLogin } from '@/lib/demo/logins';
import { parseStepParam } from '@/machines/walkthrough/autopilot';
import { allowUnattendedSignIn, savePlan } from './autopilot-storage';
import { forgetRun, loadRun, newRun, takeCallback } from './browser-io';
import type { PageWalkthrough, RunRules, WalkthroughSetup } from './walkthrough-setup';

/**
 * Sets a walkthrough's run up in the browser: resumes the run this tab left for the authorization server
 * (with the callback it brought back), or starts a fresh one with new secrets at the trace's current
 * position; a deep link (`?step=N`) or an attack's link (its defenses) starts a fresh one with them.
 */
export async function prepareRun({
  walkthrough,
  origin,
  storageKey,
  onItsOwnPage,
  report,
}: {
  walkthrough: PageWalkthrough;
  origin: string;
  storageKey: string;
  /** On the walkthrough's own page, not one side of the compare page or a room's student. */
  onItsOwnPage: boolean;
  /** Says what a link asked for that cannot be done (a step out of range, an unknown account). */
  report(message: string): void;
}): Promise<WalkthroughSetup> {
  const { grant, rules } = walkthrough;
  // A link's own parameters (an attack's defenses) start a fresh run with them.
  const linked = onItsOwnPage ? takeLinkedParams(rules) : undefined;
  if (linked) forgetRun(storageKey);
  // A deep link starts a fresh run and replays it to its step (only on the grant's own page).
  if (onItsOwnPage) startDeepLink(storageKey, grant.steps.length, report);
  const stored = loadRun(storageKey);
  const callbackUrl = takeCallback(storageKey);
  // A restored run keeps its own start; the input only matters for a fresh one.
  const input: WalkthroughInput = {
    origin,
    ...(stored ? { startSeq: 0, secrets: {}, runId: 'restored' } : await newRun(grant)),
  };
  if (!stored && linked) input.secrets = { ...input.secrets, ...linked };
  return { walkthrough, input, snapshot: stored, callbackUrl };
}

/** Forgets what a failed run left behind, so that the next one starts afresh. */
export function forgetFailedRun(storageKey: string) {
  forgetRun(storageKey);
  savePlan(storageKey, undefined);
}

/**
 * The parameters a page's links may carry besides the step (RunRules.linkNames), taken out of the
 * address so that a reload resumes; undefined when the link brought none.
 */
function takeLinkedParams(rules: RunRules | undefined): Record<string, string> | undefined {
  if (!rules?.linkNames?.length || !rules.fromLink) return undefined;
  const url = new URL(window.location.href);
  const linked = Object.fromEntries(
    rules.linkNames.flatMap((name) => {
      const value = url.searchParams.get(name);
      return value === null ? [] : [[name, value]];
    }),
  );
  if (Object.keys(linked).length === 0) return undefined;
  for (const name of rules.linkNames) url.searchParams.delete(name);
  window.history.replaceState(window.history.state, '', url);
  return rules.fromLink(linked);
}

/**
 * `?step=N` (and `login=alice` for an unattended sign-in): forget the stored run, leave the plan for the
 * autopilot, and take the parameters out of the address so that a reload resumes instead of replaying.
 */
function startDeepLink(storageKey: string, stepCount: number, report: (message: string) => void) {
  const url = new URL(window.location.href);
  const step = url.searchParams.get('step');
  if (step === null) return;
  const login = url.searchParams.get('login');
  url.searchParams.delete('step');
  url.searchParams.delete('login');
  window.history.replaceState(window.history.state, '', url);
  forgetRun(storageKey);
  const { target, error } = parseStepParam(step, stepCount);
  if (error) return report(error);
  if (login !== null && !isDemoLogin(login))
    report(
      `This link asks to sign in as “${login}”, which is not a demo account (alice or bob): sign in yourself when the replay reaches the login page.`,
    );
  const account = isDemoLogin(login) ? login : undefined;
  if (target === 0) return;
  if (account) allowUnattendedSignIn(account);
  savePlan(storageKey, { target, ...(account ? { login: account } : {}) });
}
