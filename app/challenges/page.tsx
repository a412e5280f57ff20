import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { ResetProgress } from '@/components/challenges/reset-progress';
import { StatusBadge } from '@/components/challenges/status-badge';
import { CHALLENGES } from '@/lib/challenges/registry';
import { progressForPage } from '@/lib/challenges/routes';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Challenges' };

/** The challenges: a goal each, done by the learner and graded from what the servers recorded. */
export default async function ChallengesPage() {
  const progress = await progressForPage(await headers());
  const solved = CHALLENGES.filter((challenge) => progress[challenge.slug]?.status === 'solved').length;
  const checked = CHALLENGES.some((challenge) => progress[challenge.slug]);
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold">Challenges</h1>
        <p className="mt-3 max-w-3xl text-lg text-slate-700">
          Each challenge gives you a goal and the tools to reach it, not a button that does it. Send the
          requests yourself (through a walkthrough and its parameters, the address bar, or curl with your
          playground cookie), then press Check: it grades what this playground’s servers recorded of your
          requests and what its authorization server knows of your tokens. Nothing your browser says counts.
        </p>
        {checked ? (
          <div className="mt-4 flex flex-wrap items-center gap-4">
            <p className="font-semibold">
              You have solved {solved} of {CHALLENGES.length}.
            </p>
            <ResetProgress />
          </div>
        ) : null}
      </header>
      <ul className="grid gap-4 md:grid-cols-2">
        {CHALLENGES.map((challenge) => (
          <li key={challenge.slug} className="rounded-xl border border-slate-300 bg-white p-5 shadow-sm">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h2 className="text-lg font-bold">
                <Link href={`/challenges/${challenge.slug}`} className="text-as-accent underline">
                  {challenge.title}
                </Link>
              </h2>
              <StatusBadge status={progress[challenge.slug]?.status} />
            </div>
            <p className="mt-1 text-slate-700">{challenge.goal}</p>
            <p className="mt-1 text-sm text-slate-700">{challenge.why.rfc.label}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
