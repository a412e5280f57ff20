'use client';

import { clockTime as clock, type CodeClock } from './use-code-clock';

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
 * How long the code this step holds stays redeemable (see useCodeClock). At zero the token endpoint
 * refuses it; the way on, "Get a new code", is in the step's outcome beside "Next step".
 */
export function CodeCountdown({ clock: code, ttlSeconds }: { clock: CodeClock; ttlSeconds: number }) {
  if (code.kind === 'unknown') return null;
  if (code.kind === 'redeemed')
    return (
      <p className="mt-4 rounded-lg border border-slate-300 bg-slate-50 px-4 py-3">
        This code was redeemed in exchange #{code.exchangeNumber}. A code works once: sent again, it is
        refused, and the server revokes the tokens that exchange issued.
      </p>
    );
  const secondsLeft = code.kind === 'expired' ? 0 : code.secondsLeft;
  return (
    <div
      aria-label="Code lifetime"
      role="group"
      className={`mt-4 rounded-lg border px-4 py-3 ${code.kind === 'expired' ? 'border-amber-600 bg-amber-50' : 'border-slate-300 bg-slate-50'}`}
    >
      {code.kind === 'expired' ? (
        <>
          <p className="font-semibold">The code expired at {clock(code.expiresAt)}.</p>
          <p className="mt-1 text-slate-800">
            This server keeps a code {ttlSeconds} seconds. Sent now, the token request gets{' '}
            <code>invalid_grant</code>. A new code means the authorization request again, with the same
            parameters.
          </p>
        </>
      ) : (
        <p>
          The code expires in{' '}
          <time dateTime={`PT${secondsLeft}S`} className="font-mono text-lg font-semibold tabular-nums">
            {minutesAndSeconds(secondsLeft)}
          </time>{' '}
          (at {clock(code.expiresAt)}; this server keeps a code {ttlSeconds} seconds). At zero the token
          endpoint refuses it with <code>invalid_grant</code>.
        </p>
      )}
      <p role="status" className="sr-only">
        {announcement(secondsLeft, code.expiresAt)}
      </p>
    </div>
  );
}
