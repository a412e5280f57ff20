import { attackBySlug } from '@/machines/attacks/registry';
import { grantBySlug } from '@/machines/registry';

export type InstructorStep = { slug: string; stepIndex: number; seq: number };

const ROLE = {
  'resource-owner': 'the resource owner (browser)',
  client: 'the client',
  'authorization-server': 'the authorization server',
  'resource-server': 'the resource server',
  attacker: 'the attacker',
} as const;

/** The instructor's current step, as the walkthrough explains it; the list shows where it sits. */
export function FollowView({ step }: { step?: InstructorStep }) {
  const grant = step ? (grantBySlug(step.slug) ?? attackBySlug(step.slug)) : undefined;
  if (!step || !grant)
    return (
      <p role="status" className="rounded-lg bg-white px-4 py-6 text-center text-lg">
        Waiting for the instructor to open a walkthrough…
      </p>
    );
  const current = grant.steps[step.stepIndex];
  return (
    <section aria-label="Instructor’s step" className="grid gap-6 lg:grid-cols-[16rem_1fr]">
      <nav aria-label="Steps">
        <ol className="space-y-2">
          {grant.steps.map((item, index) => (
            <li
              key={item.id}
              aria-current={index === step.stepIndex ? 'step' : undefined}
              className={`rounded-lg border px-3 py-2 text-sm ${index === step.stepIndex ? 'border-as-accent bg-as-soft font-semibold' : 'border-slate-200 bg-white'}`}
            >
              {index + 1}. {item.title}
            </li>
          ))}
        </ol>
      </nav>
      {current ? (
        <article className="rounded-xl border border-slate-300 bg-white p-5 shadow-sm" aria-live="polite">
          <p className="text-sm text-slate-600">
            {grant.name} · Step {step.stepIndex + 1} of {grant.steps.length}
          </p>
          <h2 className="mt-1 text-xl font-bold">{current.title}</h2>
          <p className="mt-2 text-slate-700">{current.forFollowers ?? current.explanation}</p>
          <p className="mt-3 text-sm">
            From {ROLE[current.from]} to {ROLE[current.to]}, over the{' '}
            {current.channel === 'front' ? 'front channel (through the browser)' : 'back channel (direct)'}.{' '}
            <a href={current.rfc.href} target="_blank" rel="noreferrer" className="text-as-accent underline">
              {current.rfc.label}
            </a>
          </p>
        </article>
      ) : null}
    </section>
  );
}
