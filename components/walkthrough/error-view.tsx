import type { ReactNode } from 'react';
import { explainError } from '@/machines/walkthrough/error-explanations';
import type { OAuthError } from '@/lib/walkthrough/types';

/**
 * An OAuth error verbatim, with what it means and a way to try again; `children` add what the playground
 * knows of this refusal's cause beyond the server's words.
 */
export function ErrorView({
  error,
  onRetry,
  children,
}: {
  error: OAuthError;
  onRetry(): void;
  children?: ReactNode;
}) {
  return (
    <div role="alert" className="mt-4 rounded-lg border-l-4 border-red-700 bg-red-50 px-4 py-3">
      <p className="font-semibold text-red-900">
        <code>{error.error}</code>
        {error.status ? ` (HTTP ${error.status})` : ''}
      </p>
      {error.error_description ? <p className="mt-1 text-red-900">{error.error_description}</p> : null}
      <p className="mt-2 text-slate-800">{explainError(error.error, error.error_description)}</p>
      {children}
      <button
        type="button"
        onClick={onRetry}
        className="mt-3 rounded-lg bg-red-800 px-4 py-1.5 font-semibold text-white hover:bg-red-900"
      >
        Try again
      </button>
    </div>
  );
}
