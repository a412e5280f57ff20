'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

/** "Reset my progress": forgets this learner's checks, after asking. */
export function ResetProgress() {
  const router = useRouter();
  const [problem, setProblem] = useState<string>();
  const reset = async () => {
    if (!window.confirm('Forget which challenges you solved and tried?')) return;
    const response = await fetch('/api/challenges/progress', { method: 'DELETE' }).catch(() => undefined);
    if (!response?.ok)
      return setProblem('Your progress could not be reset. Is the playground still running?');
    setProblem(undefined);
    router.refresh();
  };
  return (
    <div>
      <button
        type="button"
        onClick={() => void reset()}
        className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-50"
      >
        Reset my progress
      </button>
      {problem ? (
        <p role="alert" className="mt-2 text-red-900">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
