'use client';

import { useSelector } from '@xstate/react';
import type { WalkthroughActor } from '../walkthrough/types';

/** What discovery found about the instance, and the app this browser uses there. */
export function InstanceSummary({
  actor,
  onForgetApp,
  onChangeInstance,
}: {
  actor: WalkthroughActor;
  onForgetApp(): void;
  onChangeInstance(): void;
}) {
  const values = useSelector(actor, (snapshot) => snapshot.context.values);
  const tokens = useSelector(actor, (snapshot) => snapshot.context.tokens);
  const discovered = Boolean(values.version);
  return (
    <section aria-label="Instance" className="rounded-xl border border-slate-300 bg-white px-4 py-3 text-sm">
      <h2 className="text-base font-semibold">
        Instance <span className="font-mono">{values.instance}</span>
      </h2>
      {discovered ? (
        <p className="mt-1" role="status">
          {values.software} {values.version}
          {values.title ? ` (“${values.title}”)` : ''} ·{' '}
          {values.metadata === 'yes' ? 'OAuth metadata published' : 'no OAuth metadata (before Mastodon 4.3)'}{' '}
          · PKCE{' '}
          {values.pkce === 'S256'
            ? 'supported (S256): the flow uses it'
            : 'not advertised: the flow relies on state and the secret'}
        </p>
      ) : (
        <p className="mt-1 text-slate-600">Not asked yet: the first steps discover what it supports.</p>
      )}
      <p className="mt-1">
        {values.client_id ? (
          <>
            App <code>{values.client_id}</code>
            {values.app_source === 'cached'
              ? ', registered earlier and kept in this browser'
              : ', registered in this run'}
            .
          </>
        ) : (
          'No app registered from this browser yet.'
        )}
      </p>
      {tokens.access_token ? (
        <p className="mt-1" data-testid="token-status">
          Access token:{' '}
          {values.refused_after_revocation
            ? `revoked: the instance refused it with ${values.refused_after_revocation}.`
            : values.revoked
              ? 'revoked (the instance answered 200 to the revocation); the next call shows whether it is refused.'
              : tokens.expires_in !== undefined
                ? `held; the token answer says expires_in ${tokens.expires_in} (seconds).`
                : 'held; the token answer gave no expires_in.'}
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap gap-2">
        {values.client_id ? (
          <button
            type="button"
            onClick={onForgetApp}
            className="rounded border border-slate-300 px-3 py-1 font-semibold hover:bg-slate-50"
          >
            Forget this app
          </button>
        ) : null}
        <button
          type="button"
          onClick={onChangeInstance}
          className="rounded border border-slate-300 px-3 py-1 font-semibold hover:bg-slate-50"
        >
          Use another instance
        </button>
      </div>
    </section>
  );
}
