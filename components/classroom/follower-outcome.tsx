import { explainError } from '@/machines/walkthrough/error-explanations';
import type { RoomOutcome } from '@/lib/rooms/room-outcome';
import { accepted } from './outcome-line';

/**
 * What the instructor's send received, in the follower's step card under its one-line meaning
 * (./outcome-line.ts): the status, the masked response, and for a refusal the server's words verbatim
 * with the explanation the solo view gives (components/walkthrough/error-view.tsx). No "Try again":
 * the instructor drives.
 */
export function FollowerOutcome({ outcome }: { outcome: RoomOutcome }) {
  const { response, error } = outcome;
  if (!response && !error) return null;
  const ok = accepted(outcome);
  return (
    <div className="mt-4 space-y-2">
      {response ? (
        <>
          <p className="font-semibold">
            The response: <span className={ok ? 'text-emerald-800' : 'text-red-800'}>{response.status}</span>
          </p>
          {response.headers.map(([name, value]) => (
            <p key={name} className="font-mono text-sm break-all">
              {name}: {value}
            </p>
          ))}
          {response.body ? (
            <pre
              tabIndex={0}
              aria-label="Response body"
              className="max-h-60 overflow-auto rounded-lg bg-slate-100 p-3 text-sm"
            >
              {response.body}
            </pre>
          ) : null}
        </>
      ) : null}
      {error ? (
        <div className="rounded-lg border-l-4 border-red-700 bg-red-50 px-4 py-3">
          <p className="font-semibold text-red-900">
            <code>{error.error}</code>
            {error.status ? ` (HTTP ${error.status})` : ''}
          </p>
          {error.error_description ? <p className="mt-1 text-red-900">{error.error_description}</p> : null}
          <p className="mt-2 text-slate-800">{explainError(error.error, error.error_description)}</p>
        </div>
      ) : null}
      {outcome.complete ? (
        <p className="rounded-lg bg-emerald-50 px-4 py-2 font-semibold text-emerald-900">Flow complete</p>
      ) : null}
    </div>
  );
}
