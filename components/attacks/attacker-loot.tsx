'use client';

import { useEffect, useState } from 'react';
import type { LootItem } from '@/lib/attacks/loot';
import { lootIn } from '@/lib/attacks/loot-answer';
import { useMasks } from '../walkthrough/presenter';

const LABEL: Record<LootItem['kind'], string> = {
  refresh_token: 'refresh token',
  access_token: 'access token',
  code: 'authorization code',
  code_verifier: 'PKCE code_verifier',
};

/**
 * What the lab's attacker server holds from this run, read from it (GET /api/attacker/loot) whenever
 * `version` changes (the page passes the trace's length and the step's position): the attacker's side, as it received it.
 */
export function AttackerLoot({ runId, version }: { runId: string; version: string }) {
  const [loot, setLoot] = useState<LootItem[]>([]);
  // Cut short on the projector until "Reveal secrets", as every other secret on the page.
  const masks = useMasks();
  useEffect(() => {
    let cancelled = false;
    fetch('/api/attacker/loot', { cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : undefined))
      .then((body: unknown) => !cancelled && setLoot(lootIn(body).filter((item) => item.run === runId)))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [runId, version]);
  return (
    <section
      aria-labelledby="attacker-loot"
      className="rounded-lg border-2 border-red-700 bg-red-50 px-4 py-3"
    >
      <h2 id="attacker-loot" className="font-bold text-red-900">
        What the attacker’s server holds
      </h2>
      {loot.length ? (
        <ul className="mt-1 space-y-1 text-sm">
          {loot.map((item) => (
            <li key={`${item.kind}-${item.at}`} className="break-all">
              <span className="font-semibold">{LABEL[item.kind]}</span> ({item.how}
              {item.client_id ? `, client ${item.client_id}` : ''}):{' '}
              <code>{masks.token(item.value.length > 24 ? `${item.value.slice(0, 24)}…` : item.value)}</code>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-slate-700">Nothing received from this run so far.</p>
      )}
    </section>
  );
}
