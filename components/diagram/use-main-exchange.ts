'use client';

import { useSelector } from '@xstate/react';
import { mainExchangeOfRun } from '@/lib/diagram/main-exchange';
import type { TraceEvent } from '@/lib/trace/types';
import type { GrantDefinition } from '@/lib/walkthrough/types';
import type { WalkthroughActor } from '../walkthrough/types';

/**
 * The seq of the main exchange of the step a walkthrough shows (null when it has none), read from the
 * machine's snapshot and the recorded exchanges: the diagram highlights and labels that one.
 */
export function useMainExchange(
  actor: WalkthroughActor,
  grant: Pick<GrantDefinition, 'steps'>,
  events: readonly TraceEvent[],
): number | null {
  return useSelector(
    actor,
    // Waiting for "Next step" (ready): the step in view has not gone out yet (a retry, a step not yet taken).
    (snapshot) => mainExchangeOfRun(grant.steps, snapshot.context, snapshot.matches('ready'), events) ?? null,
  );
}
