'use client';

import { useState } from 'react';
import { describeCodeRefusal, explainCodeRefusal } from '@/lib/walkthrough/code-refusal';
import type { TraceEvent } from '@/lib/trace/types';

/**
 * Why the token endpoint refused this code, from the trace and the server's code lifetime (its answer,
 * `invalid_grant`, is the same for every cause), and the way on: a new code.
 */
export function CodeRefusalView({
  events,
  code,
  ttlSeconds,
  verifierChallenge,
  onNewCode,
}: {
  events: readonly TraceEvent[];
  code: string;
  ttlSeconds: number;
  verifierChallenge?: string;
  onNewCode(): void;
}) {
  // Until the refused exchange reaches the trace, the moment this view appeared stands in for its time.
  const [shownAt] = useState(() => Date.now());
  const refused = events.findLast(
    (event) =>
      event.response.status === 400 && new URLSearchParams(event.request.body ?? '').get('code') === code,
  );
  const refusal = explainCodeRefusal({
    events,
    code,
    ttlSeconds,
    refusedAt: refused ? Date.parse(refused.time) : shownAt,
    verifierChallenge,
  });
  return (
    <div className="mt-3">
      <p className="text-slate-900">
        <span className="font-semibold">What the playground knows: </span>
        {describeCodeRefusal(refusal, ttlSeconds)}
      </p>
      <button
        type="button"
        onClick={onNewCode}
        className="mt-3 mr-3 rounded-lg bg-as-accent px-4 py-1.5 font-semibold text-white hover:bg-as"
      >
        Get a new code
      </button>
    </div>
  );
}
