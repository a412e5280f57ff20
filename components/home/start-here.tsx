import Link from 'next/link';
import { GRANTS } from '@/machines/registry';
import { LEARNING_PATH, START_HERE, type PathStep } from './learning-path';

const nameOf = (slug: string) => GRANTS.find((grant) => grant.slug === slug)?.name ?? slug;

const target = (step: PathStep) =>
  'grant' in step ? { href: `/grants/${step.grant}`, title: nameOf(step.grant) } : step;

/**
 * The way in: one call to action (the grant nearly every app begins with) and the suggested order
 * after it, as a numbered path. Each step is a whole-card link, named by its title and why.
 */
export function StartHere() {
  return (
    <section aria-labelledby="where-to-start" className="space-y-4">
      <h2 id="where-to-start" className="sr-only">
        Where to start
      </h2>
      <div className="flex flex-col gap-4 rounded-xl border border-as-accent/30 bg-as-soft p-5 sm:flex-row sm:items-center sm:justify-between">
        <div className="max-w-2xl">
          <p className="text-sm font-semibold tracking-wide text-as-accent uppercase">New to OAuth?</p>
          <p id="start-here-what" className="mt-1 text-lg text-slate-900">
            Begin with <strong>{nameOf(START_HERE)}</strong>: alice signs in at the authorization server and
            the app gets her tokens. Every other grant is easier to read once you have seen this one.
          </p>
        </div>
        <Link
          href={`/grants/${START_HERE}`}
          aria-describedby="start-here-what"
          className="inline-flex shrink-0 items-center justify-center rounded-lg bg-as-accent px-6 py-3 text-lg font-bold text-white shadow-sm hover:bg-as focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-as-accent"
        >
          Start here
        </Link>
      </div>
      <div>
        <h3 id="suggested-order" className="text-lg font-bold">
          A suggested order
        </h3>
        <ol aria-labelledby="suggested-order" className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
          {LEARNING_PATH.map((step, index) => {
            const { href, title } = target(step);
            return (
              <li key={href} className="flex">
                <Link
                  href={href}
                  className="group flex w-full gap-3 rounded-lg border border-slate-200 bg-white p-3 hover:border-as-accent"
                >
                  <span
                    aria-hidden="true"
                    className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-slate-800 text-sm font-bold text-white"
                  >
                    {index + 1}
                  </span>
                  <span>
                    <span className="block font-semibold text-as-accent group-hover:underline">{title}</span>
                    <span className="block text-sm text-slate-700">{step.why}</span>
                  </span>
                </Link>
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}
