import type { ChallengeStatus } from '@/lib/challenges/progress';

const LOOK: Record<ChallengeStatus, { text: string; tone: string }> = {
  solved: { text: 'Solved', tone: 'border-emerald-700 bg-emerald-50 text-emerald-900' },
  trying: { text: 'Trying', tone: 'border-amber-700 bg-amber-50 text-amber-900' },
};

/** Where the learner stands with a challenge: solved, trying (checked, not solved), or nothing yet. */
export function StatusBadge({ status }: { status?: ChallengeStatus }) {
  if (!status) return null;
  const { text, tone } = LOOK[status];
  return (
    <span className={`inline-block rounded-full border px-2.5 py-0.5 text-sm font-semibold ${tone}`}>
      <span className="sr-only">Your progress: </span>
      {text}
    </span>
  );
}
