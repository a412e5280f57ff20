'use client';

import { memo } from 'react';
import { useSelector } from '@xstate/react';
import type { GrantDefinition } from '@/lib/walkthrough/types';
import { StepStrip } from './step-strip';
import type { WalkthroughActor } from './types';

/** The steps of the grant, with where the learner is. */
function StepListView({ actor, grant }: { actor: WalkthroughActor; grant: GrantDefinition }) {
  const stepIndex = useSelector(actor, (snapshot) => snapshot.context.stepIndex);
  const complete = useSelector(actor, (snapshot) => snapshot.hasTag('complete'));
  // Steps passed over with nothing to send (an app registered before): one flag per step, as a string.
  const skipped = useSelector(actor, (snapshot) =>
    grant.steps
      .map((step, index) =>
        index < snapshot.context.stepIndex && step.action(snapshot.context).kind === 'skip' ? 's' : '-',
      )
      .join(''),
  );
  return <StepStrip steps={grant.steps} stepIndex={stepIndex} complete={complete} skipped={skipped} />;
}

/** Re-renders when its own props change, not on every exchange the page receives. */
export const StepList = memo(StepListView);
