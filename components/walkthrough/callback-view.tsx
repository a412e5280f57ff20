'use client';

import type { CallbackResult } from '@/lib/walkthrough/types';
import { useMasks } from './presenter';

const MEANING: Record<string, string> = {
  code: 'The authorization code: one use, short-lived (the countdown below says how long).',
  state: 'Matches what the client sent: checked.',
  iss: 'The issuer (RFC 9207): checked.',
  access_token: 'An access token, straight in the URL (implicit).',
  id_token: 'An ID token: its nonce was checked.',
  token_type: 'How to present the access token.',
  expires_in: 'Seconds until the access token expires.',
  scope: 'What was granted.',
  session_state: 'For session management.',
  error: 'What went wrong.',
  error_description: 'In words.',
};

/** The URL the browser came back to, each parameter on its own line. */
export function CallbackView({ callback }: { callback: CallbackResult }) {
  const masks = useMasks();
  const base = callback.url.split(callback.in === 'fragment' ? '#' : '?')[0];
  return (
    <div className="mt-4">
      <h3 className="font-semibold">The callback URL</h3>
      <p className="break-all font-mono text-sm">
        {base}
        {callback.in === 'fragment' ? '#' : '?'}…
      </p>
      <dl
        aria-label="Callback parameters"
        className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200"
      >
        {Object.entries(callback.params).map(([name, value]) => (
          <div key={name} className="grid gap-1 px-3 py-2 sm:grid-cols-[10rem_1fr]">
            <dt className="font-mono text-sm font-semibold text-as-accent">{name}</dt>
            <dd className="min-w-0">
              <code className="break-all rounded bg-amber-50 px-1 text-sm">{masks.value(name, value)}</code>
              {MEANING[name] ? <span className="block text-xs text-slate-600">{MEANING[name]}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
