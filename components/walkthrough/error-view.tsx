import type { ReactNode } from 'react';
import { explainError } from '@/machines/walkthrough/error-explanations';
import type { OAuthError } from '@/lib/walkthrough/types';
import { WAY_FORWARD_LABEL, type WayForward } from '@/lib/walkthrough/way-forward';

/**
 * An OAuth error verbatim, with what it means and the way forward that can succeed (lib/walkthrough/
 * way-forward.ts): "Try again" only where the same step can be sent differently. `children` say what the
 * playground knows of this refusal's cause beyond the server's words; they stand for the general
 * explanation then. It sits beside "Next step", the way forward first so that it is never cut off.
 */
export function ErrorView({
  error,
  way = 'retry',
  onWay,
  children,
}: {
  error: OAuthError;
  way?: WayForward;
  onWay(): void;
  children?: ReactNode;
}) {
  return (
    <div role="alert" className="rounded-lg border-l-4 border-red-700 bg-red-50 px-3 py-2">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p className="min-w-0 flex-1 basis-48 font-semibold text-red-900">
          <code>{error.error}</code>
          {error.status ? ` (HTTP ${error.status})` : ''}
          {error.error_description ? <span className="font-normal">: {error.error_description}</span> : null}
        </p>
        <button
          type="button"
          onClick={onWay}
          className="rounded-lg bg-red-800 px-4 py-1.5 font-semibold text-white hover:bg-red-900"
        >
          {WAY_FORWARD_LABEL[way]}
        </button>
      </div>
      {children ?? (
        <p className="mt-1 text-slate-800">{explainError(error.error, error.error_description)}</p>
      )}
    </div>
  );
}
