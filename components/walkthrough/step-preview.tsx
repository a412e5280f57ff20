import type { GrantDefinition } from '@/lib/walkthrough/types';
import { ROLE, StepIntro } from './step-intro';
import { StepPhase } from './step-phase';
import { StepStrip } from './step-strip';

/**
 * A walkthrough's first step as the page's first paint shows it, rendered on the server: the step list
 * and the step card's top, as the run will draw them, while the page's code and the run's secrets are
 * on their way. What the step does and why is there to read at once; the run then takes its place (a
 * resumed run, at its own step).
 */
export function StepPreview({ grant }: { grant: Pick<GrantDefinition, 'steps'> }) {
  const step = grant.steps[0];
  if (!step) return <p role="status">Preparing the walkthrough…</p>;
  return (
    <>
      <StepStrip steps={grant.steps} stepIndex={0} />
      <section
        aria-labelledby="step-preview-title"
        className="@container rounded-xl border border-slate-300 bg-white p-5 shadow-sm"
      >
        <StepIntro
          titleId="step-preview-title"
          number={1}
          count={grant.steps.length}
          sender={ROLE[step.from]}
          step={step}
          phase={<StepPhase phase={{ kind: 'preparing' }} />}
        />
        <p role="status" className="mt-4 text-slate-600">
          Preparing the walkthrough…
        </p>
      </section>
    </>
  );
}
