import type { Metadata } from 'next';
import Link from 'next/link';
import { CHALLENGES } from '@/lib/challenges/registry';

export const metadata: Metadata = { title: 'Challenges' };

/** The challenges: a goal each, done by the learner and graded from what the servers recorded. */
export default function ChallengesPage() {
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
      </header>
      <ul className="grid gap-4 md:grid-cols-2">
        {CHALLENGES.map((challenge) => (
          <li key={challenge.slug} className="rounded-xl border border-slate-300 bg-white p-5 shadow-sm">
            <h2 className="text-lg font-bold">
              <Link href={`/challenges/${challenge.slug}`} className="text-as-accent underline">
                {challenge.title}
              </Link>
            </h2>
            <p className="mt-1 text-slate-700">{challenge.goal}</p>
            <p className="mt-1 text-sm text-slate-700">{challenge.why.rfc.label}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
