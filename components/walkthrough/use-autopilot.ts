'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { nextMove, viewOf, type AutopilotPlan } from '@/machines/walkthrough/autopilot';
import type { GrantDefinition, WalkthroughContext } from '@/lib/walkthrough/types';
import { allowUnattendedSignIn, endUnattendedSignIn, loadPlan, savePlan } from './autopilot-storage';
import { markRunForNavigation, saveRun } from './browser-io';
import type { WalkthroughActor } from './types';

export type Autopilot = {
  plan?: AutopilotPlan;
  /** What the autopilot is doing or why it stopped, for a status line. */
  notice?: string;
  play(paceMs: number): void;
  stop(): void;
  /** A new pace, taken at once while playing. */
  setPace(paceMs: number): void;
};

/**
 * Carries out the autopilot's moves on a walkthrough: sends NEXT at the pace, stops where a person must
 * act, and keeps its plan in this tab's storage across the trip to the authorization server.
 */
export function useAutopilot(
  actor: WalkthroughActor,
  grant: GrantDefinition,
  storageKey: string,
  returnPath: string,
  /** What to say when the run stops at a refused step, when that refusal is the lesson (an attack blocked). */
  stoppedNotice?: (context: WalkthroughContext, stepNumber: number) => string | undefined,
): Autopilot {
  const [plan, setPlan] = useState<AutopilotPlan | undefined>(() => loadPlan(storageKey));
  const [notice, setNotice] = useState<string>(() =>
    plan?.target !== undefined
      ? `Replaying steps 1 to ${plan.target} for real to reach step ${plan.target + 1}…`
      : '',
  );
  const end = useCallback(
    (message: string) => {
      savePlan(storageKey, undefined);
      endUnattendedSignIn();
      setPlan(undefined);
      setNotice(message);
    },
    [storageKey],
  );

  useEffect(() => {
    if (!plan) return;
    savePlan(storageKey, plan);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let seen = '';
    // Decides on each move of the walkthrough (a new step, state or poll), never twice for one.
    const decide = () => {
      const snapshot = actor.getSnapshot();
      const { stepIndex, values, runId, polls } = snapshot.context;
      const progress = `${stepIndex}:${JSON.stringify(snapshot.value)}:${polls.length}`;
      if (progress === seen) return;
      seen = progress;
      clearTimeout(timer);
      const move = nextMove(plan, viewOf(snapshot, grant));
      const step = `step ${stepIndex + 1}`;
      switch (move.kind) {
        case 'next':
          timer = setTimeout(() => actor.send({ type: 'NEXT' }), move.delayMs);
          return;
        case 'wait':
          return;
        case 'pause':
          return end(
            `Paused at ${step}: a person must enter the code on the verification page. Press Play (or Next step) once it is approved.`,
          );
        case 'visit':
          savePlan(storageKey, { ...plan, passed: stepIndex });
          saveRun(storageKey, actor.getPersistedSnapshot());
          allowUnattendedSignIn(plan.login!, returnPath);
          markRunForNavigation(runId);
          window.location.assign(values.verification_uri_complete ?? values.verification_uri ?? '/');
          return;
        case 'landed':
          return end(`Landed on ${step}: the steps before it ran for real, with fresh requests and tokens.`);
        case 'finished':
          return end('Auto-play finished: the flow is complete.');
        case 'stopped':
          return end(
            stoppedNotice?.(snapshot.context, stepIndex + 1) ??
              `Stopped at ${step}: it failed. The error is shown below; fix it or retry, then press Play.`,
          );
      }
    };
    const subscription = actor.subscribe(decide);
    const first = setTimeout(decide, 0);
    return () => {
      subscription.unsubscribe();
      clearTimeout(first);
      clearTimeout(timer);
    };
  }, [actor, grant, plan, storageKey, returnPath, end, stoppedNotice]);

  const play = useCallback(
    (paceMs: number) => {
      const stepIndex = actor.getSnapshot().context.stepIndex;
      // Pressing Play at the device step means the person has acted: carry on from there.
      setPlan({ paceMs, passed: stepIndex });
      setNotice(`Playing, one step every ${paceMs / 1000} s. It pauses where a person must act.`);
    },
    [actor],
  );
  const stop = useCallback(() => end('Auto-play paused.'), [end]);
  const setPace = useCallback(
    (paceMs: number) =>
      setPlan((current) => (current?.paceMs !== undefined ? { ...current, paceMs } : current)),
    [],
  );

  return useMemo(() => ({ plan, notice, play, stop, setPace }), [plan, notice, play, stop, setPace]);
}
