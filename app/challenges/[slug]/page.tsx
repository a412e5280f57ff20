import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ChallengeBench } from '@/components/challenges/challenge-bench';
import { AttackerTools } from '@/components/challenges/attacker-tools';
import { ChallengeCheck } from '@/components/challenges/challenge-check';
import { HintList } from '@/components/challenges/hint-list';
import { StatusBadge } from '@/components/challenges/status-badge';
import { RequestComposer } from '@/components/composer/request-composer';
import { progressForPage } from '@/lib/challenges/routes';
import { challengeBySlug } from '@/lib/challenges/registry';

type Props = { params: Promise<{ slug: string }> };

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const challenge = challengeBySlug((await params).slug);
  return { title: challenge ? `Challenge: ${challenge.title}` : 'Unknown challenge' };
}

/** One challenge: its goal, why it matters, what may be used, hints, the check, and "Show me". */
export default async function ChallengePage({ params }: Props) {
  const challenge = challengeBySlug((await params).slug);
  if (!challenge) notFound();
  const status = (await progressForPage(await headers()))[challenge.slug]?.status;
  return (
    <ChallengeBench>
      <header>
        <p className="text-sm text-slate-600">
          <Link href="/challenges" className="text-as-accent underline">
            Challenges
          </Link>
        </p>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-bold">{challenge.title}</h1>
          <StatusBadge status={status} />
        </div>
        <p className="mt-3 text-lg">
          <span className="font-semibold">Goal:</span> {challenge.goal}
        </p>
      </header>
      <section aria-labelledby="why">
        <h2 id="why" className="text-xl font-bold">
          Why it matters
        </h2>
        <p className="mt-2 text-slate-700">
          {challenge.why.text}{' '}
          <a
            href={challenge.why.rfc.href}
            target="_blank"
            rel="noreferrer"
            className="text-as-accent underline"
          >
            {challenge.why.rfc.label}
          </a>
        </p>
      </section>
      <section aria-labelledby="tools">
        <h2 id="tools" className="text-xl font-bold">
          What you may use
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-6 text-slate-700">
          {challenge.tools.map((tool) => (
            <li key={tool}>{tool}</li>
          ))}
        </ul>
      </section>
      <ChallengeCheck
        slug={challenge.slug}
        {...(challenge.questions ? { questions: challenge.questions } : {})}
      />
      <HintList hints={challenge.hints} />
      {/* The tools to act with, after what the learner comes back to: Check and the hints. */}
      {challenge.workspace === 'attacker' ? <AttackerTools /> : null}
      <RequestComposer />
      <section aria-labelledby="show-me">
        <h2 id="show-me" className="text-xl font-bold">
          Show me
        </h2>
        <p className="mt-2 text-slate-700">
          Stuck, or done and curious how it goes step by step:{' '}
          <Link href={challenge.showMe.href} className="font-semibold text-as-accent underline">
            {challenge.showMe.label}
          </Link>
          .
        </p>
      </section>
    </ChallengeBench>
  );
}
