'use client';

import { useActorRef } from '@xstate/react';
import { useMemo, useState } from 'react';
import type { AutopilotPlan } from '@/machines/walkthrough/autopilot';
import { autopilotMachine, type AutopilotActor, type Visit } from '@/machines/walkthrough/autopilot-machine';
import type { GrantDefinition, WalkthroughContext } from '@/lib/walkthrough/types';
import { allowUnattendedSignIn, endUnattendedSignIn, loadPlan, savePlan } from './autopilot-storage';
import { markRunForNavigation, saveRun } from './browser-io';
import type { WalkthroughActor } from './types';

/**
 * Runs the autopilot (machines/walkthrough/autopilot-machine.ts) on a walkthrough: this tab's storage
 * keeps its plan across the trip to the authorization server, and the unattended visit leaves from here.
 */
export function useAutopilot(
  actor: WalkthroughActor,
  grant: GrantDefinition,
  storageKey: string,
  returnPath: string,
  /** What to say when the run stops at a refused step, when that refusal is the lesson (an attack blocked). */
  stoppedNotice?: (context: WalkthroughContext, stepNumber: number) => string | undefined,
): AutopilotActor {
  const [plan] = useState(() => loadPlan(storageKey));
  const machine = useMemo(
    () =>
      autopilotMachine.provide({
        actions: {
          keepPlan: (_args, kept: AutopilotPlan | undefined) => savePlan(storageKey, kept),
          forgetPlan: () => {
            savePlan(storageKey, undefined);
            endUnattendedSignIn();
          },
          visit: (_args, { url, login, runId }: Visit) => {
            saveRun(storageKey, actor.getPersistedSnapshot());
            if (login) allowUnattendedSignIn(login, returnPath);
            markRunForNavigation(runId);
            window.location.assign(url);
          },
        },
      }),
    [actor, storageKey, returnPath],
  );
  return useActorRef(machine, { input: { walkthrough: actor, grant, plan, stoppedNotice } });
}
