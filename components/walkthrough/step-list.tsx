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
  // A strip, not a column: the step card and the diagram get the width. Every step's title and
  // route is in the list for screen readers and on hover; the current one is also written out.
  return (
    <nav aria-label="Steps" className="mb-3">
      <ol className="flex flex-wrap gap-1.5">
        {grant.steps.map((step, index) => {
          const done = complete || index < stepIndex;
          const current = !complete && index === stepIndex;
          const status = skipped[index] === 's' ? 'skipped' : done ? 'done' : '';
          const route = `${step.from} → ${step.to}, ${CHANNEL[step.channel]}`;
          return (
            <li
              key={step.id}
              aria-current={current ? 'step' : undefined}
              title={`${index + 1}. ${step.title} (${route}${status ? `, ${status}` : ''})`}
              className={`rounded-full border px-2.5 py-0.5 text-sm ${current ? 'border-as-accent bg-as-soft font-semibold' : done ? 'border-slate-300 bg-slate-100 text-slate-700' : 'border-slate-300 bg-white'}`}
            >
              {index + 1}
              {done ? <span aria-hidden="true"> ✓</span> : null}
              <span className={current ? 'ml-1' : 'sr-only'}>
                {current ? '' : '. '}
                {step.title}
              </span>
              <span className="sr-only">
                {' '}
                ({route}
                {status ? `, ${status}` : ''})
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
