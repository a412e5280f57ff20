'use client';

import { useSyncExternalStore } from 'react';
import { loadSeen, parseSeen } from './seen-storage';

const subscribe = (onChange: () => void) => {
  window.addEventListener('storage', onChange);
  return () => window.removeEventListener('storage', onChange);
};

/** Whether this browser has watched the attack succeed, and watched it blocked. */
export function SeenBadges({ slug }: { slug: string }) {
  const stored = useSyncExternalStore(
    subscribe,
    () => JSON.stringify(loadSeen()[slug] ?? {}),
    () => '{}',
  );
  const seen = parseSeen(stored);
  const badge = (done: boolean | undefined, text: string) => (
    <li
      className={`rounded-full border px-2.5 py-0.5 text-sm ${done ? 'border-emerald-700 bg-emerald-50 text-emerald-900' : 'border-slate-300 text-slate-700'}`}
    >
      {done ? `Seen ${text}` : `Not yet seen ${text}`}
    </li>
  );
  return (
    <ul aria-label="Your progress" className="flex flex-wrap gap-2">
      {badge(seen.succeeded, 'succeeding')}
      {badge(seen.blocked, 'blocked')}
    </ul>
  );
}
