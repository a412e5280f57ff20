import type { Metadata } from 'next';
import Link from 'next/link';
import { ClassProgressLoader } from '@/components/classroom/class-progress-loader';
import { CHALLENGES } from '@/lib/challenges/registry';

export const metadata: Metadata = { title: 'Class progress on the challenges' };

/** The instructor's view of the class on the challenges: one bar per challenge, solved and trying. */
export default function ClassProgressPage() {
  return (
    <div className="max-w-4xl">
      <p data-chrome className="text-sm text-slate-600">
        <Link href="/challenges" className="text-as-accent underline">
          Challenges
        </Link>
      </p>
      <h1 className="mt-1 text-3xl font-bold">Class progress</h1>
      <p data-chrome className="mt-2 text-slate-700">
        How many students in your classroom room have solved each challenge, and how many are working on it.
        Press P (or add ?present=1) to project it: names stay hidden there until you show them.
      </p>
      <ClassProgressLoader challenges={CHALLENGES.map(({ slug, title }) => ({ slug, title }))} />
    </div>
  );
}
