'use client';

import { useSelector } from '@xstate/react';
import { useId, useState } from 'react';
import { CopyButton } from '../ui/copy-button';
import type { WalkthroughContext } from '@/lib/walkthrough/types';
import type { WalkthroughActor } from './types';

type LinkParams = Record<string, string> | undefined;

/** The same parameters: a new snapshot with the same ones leaves the link as it is. */
const sameParams = (a: LinkParams, b: LinkParams) =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    Object.keys(a).length === Object.keys(b).length &&
    Object.entries(a).every(([name, value]) => b[name] === value));

/**
 * A deep link to the current step: opening it replays the steps before it for real and lands here.
 * With the box ticked, the demo account signs in and consents by itself, so the link runs unattended.
 */
export function StepLink({
  actor,
  path,
  params,
}: {
  actor: WalkthroughActor;
  path: string;
  /** What else the link carries from the run (an attack's defenses that are on). */
  params?: (context: WalkthroughContext) => Record<string, string>;
}) {
  const stepIndex = useSelector(actor, (snapshot) => snapshot.context.stepIndex);
  const origin = useSelector(actor, (snapshot) => snapshot.context.origin);
  const linked = useSelector(actor, (snapshot) => params?.(snapshot.context), sameParams);
  const [unattended, setUnattended] = useState(true);
  const fieldId = useId();
  const checkId = useId();
  const url = new URL(path, origin);
  for (const [name, value] of Object.entries(linked ?? {})) url.searchParams.set(name, value);
  url.searchParams.set('step', String(stepIndex + 1));
  if (unattended) url.searchParams.set('login', 'alice');
  return (
    <div className="rounded-xl border border-slate-300 bg-white px-4 py-3">
      <p className="text-sm text-slate-700">
        Opening this link replays steps 1 to {stepIndex} with fresh requests and tokens, then stops at step{' '}
        {stepIndex + 1}.
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <label htmlFor={fieldId} className="sr-only">
          Step link
        </label>
        <input
          id={fieldId}
          readOnly
          value={url.toString()}
          className="min-w-0 flex-1 rounded border border-slate-400 px-2 py-1 font-mono text-sm"
        />
        <CopyButton text={url.toString()} label="Copy link" />
      </div>
      <div className="mt-2 flex items-center gap-2 text-sm">
        <input
          id={checkId}
          type="checkbox"
          checked={unattended}
          onChange={(event) => setUnattended(event.target.checked)}
        />
        <label htmlFor={checkId}>
          Sign in as alice automatically (otherwise you sign in when the replay reaches the login page)
        </label>
      </div>
    </div>
  );
}
