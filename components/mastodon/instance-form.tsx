'use client';

import { useId, useState } from 'react';
import { parseInstanceAddress } from '@/lib/mastodon-client/address';
import type { Connection } from './app-cache';

/** Where the learner names their instance: any usual way of writing it, checked before anything is sent. */
export function InstanceForm({ onConnect }: { onConnect(connection: Connection): void }) {
  const fieldId = useId();
  const errorId = useId();
  const oobId = useId();
  const [problem, setProblem] = useState<string>();
  return (
    <form
      className="max-w-xl space-y-4 rounded-xl border border-slate-300 bg-white p-5"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const address = parseInstanceAddress(String(data.get('instance') ?? ''));
        if (!address.ok) return setProblem(address.error);
        setProblem(undefined);
        onConnect({ instance: address.origin, variant: data.get('oob') ? 'oob' : 'redirect' });
      }}
    >
      <div>
        <label htmlFor={fieldId} className="block font-semibold">
          Instance
        </label>
        <input
          id={fieldId}
          name="instance"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          placeholder="mastodon.social, https://host/@you or @you@host"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          className="mt-1 block w-full rounded-lg border border-slate-500 px-3 py-2"
        />
        {problem ? (
          <p id={errorId} role="alert" className="mt-2 text-red-800">
            {problem}
          </p>
        ) : null}
      </div>
      <div className="flex items-start gap-2 text-sm">
        <input id={oobId} name="oob" type="checkbox" className="mt-1" />
        <label htmlFor={oobId}>
          Out of band: the instance shows the code on its page and I paste it here (redirect URI{' '}
          <code>urn:ietf:wg:oauth:2.0:oob</code>)
        </label>
      </div>
      <button
        type="submit"
        className="rounded-lg bg-as-accent px-5 py-2 font-semibold text-white hover:bg-as"
      >
        Connect
      </button>
    </form>
  );
}
