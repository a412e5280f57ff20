'use client';

import { memo } from 'react';
import { useSelector } from '@xstate/react';
import type { GrantDefinition } from '@/lib/walkthrough/types';
import type { WalkthroughActor } from './types';

const CHANNEL = { front: 'front channel', back: 'back channel' } as const;

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
  return (
    <nav aria-label="Steps">
      <ol className="space-y-2">
        {grant.steps.map((step, index) => {
          const done = complete || index < stepIndex;
          const current = !complete && index === stepIndex;
          return (
            <li
              key={step.id}
              aria-current={current ? 'step' : undefined}
              className={`rounded-lg border px-3 py-2 text-sm ${current ? 'border-as-accent bg-as-soft font-semibold' : done ? 'border-slate-200 bg-white text-slate-600' : 'border-slate-200 bg-white'}`}
            >
              <span className="mr-1">{index + 1}.</span>
              {step.title}
              <span className="block text-xs font-normal text-slate-600">
                {step.from} → {step.to}, {CHANNEL[step.channel]}
                {skipped[index] === 's' ? ' · skipped' : done ? ' · done' : ''}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** Re-renders when its own props change, not on every exchange the page receives. */
export const StepList = memo(StepListView);
