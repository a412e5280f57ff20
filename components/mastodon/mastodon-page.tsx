'use client';

import { useCallback, useEffect, useState } from 'react';
import { mastodon, mastodonOob, MASTODON_CALLBACK_PATH, OOB_REDIRECT_URI } from '@/machines/mastodon/steps';
import { randomValue } from '@/machines/walkthrough/secrets';
import { savePlan } from '../walkthrough/autopilot-storage';
import { forgetRun, loadRun, takeCallback } from '../walkthrough/browser-io';
import type { RunSetup } from '../walkthrough/walkthrough-setup';
import { loadApp, loadConnection, markReregistered, saveConnection, type Connection } from './app-cache';
import { FlowErrorBoundary } from '../ui/flow-error-boundary';
import { clearBrowserEvents } from './browser-trace';
import { InstanceForm } from './instance-form';
import { MastodonRun, RUN_KEY } from './mastodon-run';

/** A fresh run against the instance: new state, PKCE and idempotency key; the app this browser cached, if any. */
async function freshSetup(connection: Connection, origin: string): Promise<RunSetup> {
  const grant = connection.variant === 'oob' ? mastodonOob : mastodon;
  const redirectUri = connection.variant === 'oob' ? OOB_REDIRECT_URI : `${origin}${MASTODON_CALLBACK_PATH}`;
  const app = loadApp(connection.instance, redirectUri);
  return {
    input: {
      origin,
      startSeq: 0,
      runId: randomValue(12),
      secrets: {
        ...(await grant.secrets()),
        instance: connection.instance,
        redirect_uri: redirectUri,
        ...(app
          ? {
              client_id: app.client_id,
              client_secret: app.client_secret,
              app_scopes: app.scopes,
              app_source: 'cached',
            }
          : {}),
      },
    },
  };
}

/**
 * /mastodon: name an instance, then run the flow against it. The tab keeps the instance, the run and its
 * exchanges (sessionStorage) across the trip to the instance and back.
 */
export function MastodonPage({ origin }: { origin: string }) {
  const [connection, setConnection] = useState<Connection>();
  const [setup, setSetup] = useState<RunSetup>();
  const [problem, setProblem] = useState<string>();
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    const current = loadConnection();
    const stored = loadRun(RUN_KEY);
    const callbackUrl = takeCallback(RUN_KEY);
    (async () => {
      if (current && stored) {
        setConnection(current);
        setSetup({
          input: {
            origin,
            startSeq: 0,
            secrets: {},
            runId: 'restored',
          },
          snapshot: stored,
          callbackUrl,
        });
      } else if (current) {
        setConnection(current);
        setSetup(await freshSetup(current, origin));
      }
    })()
      .catch((error: unknown) => setProblem(String(error)))
      .finally(() => setRestored(true));
  }, [origin]);

  const start = useCallback(
    async (next: Connection, options: { reregister?: boolean } = {}) => {
      forgetRun(RUN_KEY);
      if (!options.reregister) clearBrowserEvents();
      const grant = next.variant === 'oob' ? mastodonOob : mastodon;
      // After invalid_client: replay discovery and the new registration, and stop before authorizing again.
      const authorizeStep = grant.steps.findIndex((step) => step.id.startsWith('authorize'));
      savePlan(RUN_KEY, options.reregister ? { target: authorizeStep } : undefined);
      saveConnection(next);
      setConnection(next);
      try {
        setSetup(await freshSetup(next, origin));
      } catch (error) {
        setProblem(String(error));
      }
    },
    [origin],
  );

  const restart = useCallback(
    (options?: { reregister?: boolean }) => {
      if (connection) void start(connection, options);
    },
    [connection, start],
  );

  const changeInstance = useCallback(() => {
    forgetRun(RUN_KEY);
    savePlan(RUN_KEY, undefined);
    clearBrowserEvents();
    saveConnection(undefined);
    markReregistered(undefined);
    setConnection(undefined);
    setSetup(undefined);
  }, []);

  // After an unexpected error: a fresh run on the same instance (the stored one may be what failed).
  const restartAfterError = useCallback(async () => {
    if (connection) await start(connection);
  }, [connection, start]);

  if (problem) return <p role="alert">The Mastodon flow could not start: {problem}</p>;
  if (!restored) return <p role="status">Loading…</p>;
  if (!connection || !setup) return <InstanceForm onConnect={(next) => void start(next)} />;
  return (
    // Keyed by the run: a new run (Restart, a new instance) starts with no error left over.
    <FlowErrorBoundary key={setup.input.runId} what="The Mastodon flow" onRestart={restartAfterError}>
      <MastodonRun
        key={setup.input.runId}
        connection={connection}
        setup={setup}
        onRestart={restart}
        onChangeInstance={changeInstance}
      />
    </FlowErrorBoundary>
  );
}
