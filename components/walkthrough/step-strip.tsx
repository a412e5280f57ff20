import type { StepDefinition } from '@/lib/walkthrough/types';

const CHANNEL = { front: 'front channel', back: 'back channel' } as const;

/**
 * The steps of a walkthrough as a strip, with where the learner is: drawn by the step list from the
 * run, and by the page's first paint (step-preview.tsx) before the run is set up. Every step's title and
 * route is in the list for screen readers and on hover; the current one is also written out.
 */
export function StepStrip({
  steps,
  stepIndex,
  complete = false,
  skipped = '',
}: {
  steps: readonly Pick<StepDefinition, 'id' | 'title' | 'from' | 'to' | 'channel'>[];
  stepIndex: number;
  complete?: boolean;
  /** One flag per step passed over with nothing to send (an app registered before): 's', else '-'. */
  skipped?: string;
}) {
  return (
    <nav aria-label="Steps" className="mb-3">
      <ol className="flex flex-wrap gap-1.5">
        {steps.map((step, index) => {
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
