import type { ReactNode } from 'react';
import type { StepDefinition } from '@/lib/walkthrough/types';

export const ROLE = {
  'resource-owner': 'Resource owner (browser)',
  client: 'Client',
  'authorization-server': 'Authorization server',
  'resource-server': 'Resource server',
  attacker: 'Attacker',
} as const;

/**
 * The top of a step card: where the step is, who sends what to whom over which channel, its title, and
 * what it does and why. Drawn by the step card from the run, and by the page's first paint
 * (step-preview.tsx) before the run is set up, so that the two are the same.
 */
export function StepIntro({
  titleId,
  number,
  count,
  sender,
  step,
  phase,
}: {
  titleId: string;
  number: number;
  count: number;
  /** The sender's name on the diagram. */
  sender: string;
  step: Pick<StepDefinition, 'to' | 'channel' | 'title' | 'explanation' | 'rfc'>;
  /** Where the step is between its request and its answer (step-phase.tsx). */
  phase?: ReactNode;
}) {
  return (
    <>
      {/* From 1024 px it stays at the top of the step pane: the step is named while its result is read. */}
      <div className="step-heading">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm text-slate-600">
            Step {number} of {count} · {sender} → {ROLE[step.to]} ·{' '}
            {step.channel === 'front' ? 'front channel (through the browser)' : 'back channel (direct)'}
          </p>
          {phase}
        </div>
        <h2 id={titleId} className="mt-1 text-xl font-bold">
          {step.title}
        </h2>
      </div>
      <p className="mt-2 text-slate-700">
        {step.explanation}{' '}
        <a href={step.rfc.href} className="text-as-accent underline" target="_blank" rel="noreferrer">
          {step.rfc.label}
        </a>
      </p>
    </>
  );
}
