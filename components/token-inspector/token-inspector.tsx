'use client';

import { memo } from 'react';
import type { TokenSet } from '@/lib/walkthrough/types';
import { laterModule } from '../ui/later-module';

// A token's card (decoded, verified, its claims explained) loads after the page's first paint: the
// inspector asks for it once drawn, before the client holds any token.
const tokenCard = laterModule(() => import('./token-card'));

const NAMES: Array<[keyof TokenSet, string]> = [
  ['access_token', 'Access token'],
  ['id_token', 'ID token'],
  ['refresh_token', 'Refresh token'],
  ['rotated_refresh_token', 'Previous refresh token (rotated away)'],
  ['subject_token', 'The user’s token for the assistant (subject_token)'],
  ['actor_token', 'The assistant’s own token (actor_token)'],
  ['dpop_proof', 'Last DPoP proof (signed in this browser)'],
];

/** Every token the client holds now. */
function TokenInspectorView({
  tokens,
  origin,
  issuedBy,
  id,
}: {
  tokens: TokenSet;
  origin: string;
  /** Tokens from another server (a Mastodon instance): shown here, never sent to the playground. */
  issuedBy?: string;
  /** An anchor for the toolbar's "Show tokens" (one inspector a page). */
  id?: string;
}) {
  const held = NAMES.filter(([key]) => typeof tokens[key] === 'string' && tokens[key]);
  const card = tokenCard.useModule();
  return (
    <section id={id} tabIndex={id ? -1 : undefined} aria-label="Tokens" className="space-y-3 pt-4">
      <h2 className="text-xl font-bold">Tokens</h2>
      {held.length ? (
        held.map(
          ([key, name]) =>
            card && (
              <card.TokenCard
                key={key}
                name={name}
                token={String(tokens[key])}
                origin={origin}
                scope={key === 'access_token' ? tokens.scope : undefined}
                issuedBy={issuedBy}
              />
            ),
        )
      ) : (
        <p className="text-slate-600">The client holds no token yet.</p>
      )}
    </section>
  );
}

/** Re-renders when its own props change, not on every exchange the page receives. */
export const TokenInspector = memo(TokenInspectorView);
