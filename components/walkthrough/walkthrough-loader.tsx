'use client';

import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { WalkthroughInput } from '@/machines/walkthrough/create-walkthrough-machine';
import { isDemoLogin } from '@/lib/demo/logins';
import { parseStepParam } from '@/machines/walkthrough/autopilot';
import { walkthroughBySlug } from '@/machines';
import { FlowErrorBoundary } from '../ui/flow-error-boundary';
import { allowUnattendedSignIn, savePlan } from './autopilot-storage';
import { forgetRun, loadRun, newRun, takeCallback } from './browser-io';
import {
  Walkthrough,
  type RunRules,
  type WalkthroughExtras,
  type WalkthroughLookup,
  type WalkthroughPlacement,
  type WalkthroughSetup,
} from './walkthrough';

/**
 * Starts a walkthrough in the browser: resumes the run this tab left for the authorization server
 * (and hands it the callback), or starts a fresh one with new secrets at the trace's current position.
 */
export function WalkthroughLoader({
  slug,
  origin,
  placement,
  title,
  intro,
  pagePath,
  extras,
  rules,
  lookup = walkthroughBySlug,
}: {
  slug: string;
  origin: string;
  placement?: WalkthroughPlacement;
  /** The page it lives on, when not `/grants/<slug>` (an attack of the lab). */
  pagePath?: string;
  /** What an attack lab page adds to the step pane (components/attacks). */
  extras?: WalkthroughExtras;
  /** How this page's runs restart and stop (an attack keeps its defenses; its refusals are verdicts). */
  rules?: RunRules;
  /** Where the slug's definition comes from: the grants, or the attack lab's scenarios. */
  lookup?: WalkthroughLookup;
  /** The grant's name (and the way to the other grants), rendered on the server, heading the toolbar. */
  title?: ReactNode;
  /** The grant's summary, rendered on the server, shown above the step. */
  intro?: ReactNode;
}) {
  const [setup, setSetup] = useState<WalkthroughSetup>();
  const [problem, setProblem] = useState<string>();
  const storageKey = placement?.storageKey ?? slug;
  // Bumped by the error boundary's Restart: the run is set up again from scratch.
  const [generation, setGeneration] = useState(0);
  const restartAfterError = useCallback(() => {
    forgetRun(storageKey);
    savePlan(storageKey, undefined);
    setSetup(undefined);
    setGeneration((current) => current + 1);
  }, [storageKey]);

  useEffect(() => {
    const grant = lookup(slug)?.grant;
    if (!grant) return;
    let cancelled = false;
    (async () => {
      // A link's own parameters (an attack's defenses) start a fresh run with them.
      const linked = placement ? undefined : takeLinkedParams(rules);
      if (linked) forgetRun(storageKey);
      // A deep link starts a fresh run and replays it to its step (only on the grant's own page).
      if (!placement) startDeepLink(storageKey, grant.steps.length, setProblem);
      const stored = loadRun(storageKey);
      const callbackUrl = takeCallback(storageKey);
      // A restored run keeps its own start; the input only matters for a fresh one.
      const input: WalkthroughInput = {
        origin,
        ...(stored ? { startSeq: 0, secrets: {}, runId: 'restored' } : await newRun(grant)),
      };
      if (!stored && linked) input.secrets = { ...input.secrets, ...linked };
      if (!cancelled) setSetup({ input, snapshot: stored, callbackUrl });
    })().catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
    return () => {
      cancelled = true;
    };
  }, [slug, origin, storageKey, placement, generation, lookup, rules]);

  // Shaped like the workbench it becomes, so that nothing moves when the run is ready (layout shift).
  if (!setup)
    return (
      <div className={placement ? undefined : 'workbench'}>
        <div className="workbench-toolbar">{title}</div>
        <div className="workbench-step">
          {intro}
          {problem ? (
            <p role="alert">The walkthrough could not start: {problem}</p>
          ) : (
            <p role="status">Preparing the walkthrough…</p>
          )}
        </div>
      </div>
    );
  return (
    <>
      {problem ? (
        <p role="alert" className="mb-4 rounded border-l-4 border-amber-600 bg-amber-50 px-4 py-3">
          {problem}
        </p>
      ) : null}
      <FlowErrorBoundary what="The walkthrough" onRestart={restartAfterError} heading={title}>
        <Walkthrough
          slug={slug}
          setup={setup}
          placement={placement}
          title={title}
          intro={intro}
          pagePath={pagePath}
          extras={extras}
          rules={rules}
          lookup={lookup}
        />
      </FlowErrorBoundary>
    </>
  );
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
