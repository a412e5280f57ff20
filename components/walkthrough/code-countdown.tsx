'use client';

import { codeExpiry, codeIssue, codeRedemption } from '@/lib/walkthrough/code-refusal';
import type { TraceEvent } from '@/lib/trace/types';
import { useNow } from './use-now';

const clock = (time: number) => new Date(time).toTimeString().slice(0, 8);
const minutesAndSeconds = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** Moments a screen reader hears about, instead of every second: thirty and ten seconds left, and zero. */
const THRESHOLDS = [30, 10];

function announcement(secondsLeft: number, expiresAt: number): string {
  if (secondsLeft <= 0) return `The code expired at ${clock(expiresAt)}.`;
  const threshold = THRESHOLDS.filter((limit) => secondsLeft <= limit).at(-1);
  return threshold === undefined
    ? `The code expires at ${clock(expiresAt)}.`
    : `Less than ${threshold} seconds left to redeem the code.`;
}

/**
 * How long the code this step holds stays redeemable: from the redirect that issued it (in the trace)
 * and the server's code lifetime. At zero the token endpoint refuses it; a new code is one press away.
 */
export function CodeCountdown({
  events,
  code,
  ttlSeconds,
  onNewCode,
}: {
  events: readonly TraceEvent[];
  code: string;
  ttlSeconds: number;
  onNewCode(): void;
}) {
  const issue = codeIssue(events, code);
  const expiresAt = issue ? codeExpiry(issue.time, ttlSeconds) : undefined;
  const redemption = codeRedemption(events, code);
  const now = useNow(expiresAt !== undefined && !redemption);
  if (expiresAt === undefined) return null;
  if (redemption)
    return (
      <p className="mt-4 rounded-lg border border-slate-300 bg-slate-50 px-4 py-3">
        This code was redeemed in exchange #{redemption.number}. A code works once: sent again, it is refused,
        and the server revokes the tokens that exchange issued.
      </p>
    );
  const secondsLeft = Math.max(0, Math.ceil((expiresAt - now) / 1000));
  const expired = secondsLeft === 0;
  return (
    <div
      aria-label="Code lifetime"
      role="group"
      className={`mt-4 rounded-lg border px-4 py-3 ${expired ? 'border-amber-600 bg-amber-50' : 'border-slate-300 bg-slate-50'}`}
    >
      {expired ? (
        <>
          <p className="font-semibold">The code expired at {clock(expiresAt)}.</p>
          <p className="mt-1 text-slate-800">
            This server keeps a code {ttlSeconds} seconds. Sent now, the token request gets{' '}
            <code>invalid_grant</code>. A new code means the authorization request again, with the same
            parameters.
          </p>
          <button
            type="button"
            onClick={onNewCode}
            className="mt-3 rounded-lg bg-as-accent px-4 py-1.5 font-semibold text-white hover:bg-as"
          >
            Get a new code
          </button>
        </>
      ) : (
        <p>
          The code expires in{' '}
          <time dateTime={`PT${secondsLeft}S`} className="font-mono text-lg font-semibold tabular-nums">
            {minutesAndSeconds(secondsLeft)}
          </time>{' '}
          (at {clock(expiresAt)}; this server keeps a code {ttlSeconds} seconds). At zero the token endpoint
          refuses it with <code>invalid_grant</code>.
        </p>
      )}
      <p role="status" className="sr-only">
        {announcement(secondsLeft, expiresAt)}
      </p>
    </div>
  );
}
