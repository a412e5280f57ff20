'use client';

import { useState } from 'react';
import { describeCodeRefusal, explainCodeRefusal } from '@/lib/walkthrough/code-refusal';
import type { TraceEvent } from '@/lib/trace/types';

/**
 * Why the token endpoint refused this code, from the trace and the server's code lifetime (its answer,
 * `invalid_grant`, is the same for every cause). The way on, a new code, is the refusal's button.
 */
export function CodeRefusalView({
  events,
  code,
  ttlSeconds,
  verifierChallenge,
}: {
  events: readonly TraceEvent[];
  code: string;
  ttlSeconds: number;
  verifierChallenge?: string;
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
    <p className="mt-1 text-slate-900">
      <span className="font-semibold">What the playground knows: </span>
      {describeCodeRefusal(refusal, ttlSeconds)}
    </p>
  );
}
