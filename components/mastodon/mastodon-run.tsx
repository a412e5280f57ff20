'use client';

import { useActorRef, useSelector } from '@xstate/react';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Snapshot } from 'xstate';
import { isWebUrl } from '@/lib/mastodon-client/metadata';
import { mastodonMachine, mastodonOobMachine } from '@/machines/mastodon/machine';
import { mastodon, mastodonOob } from '@/machines/mastodon/steps';
import { sendWith } from '@/machines/walkthrough/create-walkthrough-machine';
import { RoleDiagram, type DiagramView } from '../diagram/role-diagram';
import { HttpLog } from '../http-log/http-log';
import { TokenInspector } from '../token-inspector/token-inspector';
import { expectCallback, saveRun } from '../walkthrough/browser-io';
import { PresenterProvider } from '../walkthrough/presenter';
import { StepCard } from '../walkthrough/step-card';
import { StepList } from '../walkthrough/step-list';
import { useAutopilot } from '../walkthrough/use-autopilot';
import { Workbench } from '../walkthrough/workbench';
import type { RunSetup } from '../walkthrough/walkthrough-setup';
import { alreadyReregistered, forgetApp, markReregistered, saveApp, type Connection } from './app-cache';
import {
  browserEvents,
  recordCallbackArrival,
  sendToInstance,
  serverEvents,
  subscribeBrowserEvents,
} from './browser-trace';
import { InstanceSummary } from './instance-summary';

export const RUN_KEY = 'mastodon';
const RETURN_PATH = '/mastodon';

/**
 * The Mastodon flow: the same step card, step list, diagram, tokens and HTTP log as the built-in
 * walkthroughs, wired to a real instance from the browser. `onRestart` starts a fresh run (with the app
 * now cached), `onChangeInstance` goes back to the address form.
 */
export function MastodonRun({
  connection,
  setup,
  onRestart,
  onChangeInstance,
}: {
  connection: Connection;
  setup: RunSetup;
  /** A fresh run; after invalid_client, with a new app and replayed to the authorization step. */
  onRestart(options?: { reregister?: boolean }): void;
  onChangeInstance(): void;
}) {
  const grant = connection.variant === 'oob' ? mastodonOob : mastodon;
  const machine = connection.variant === 'oob' ? mastodonOobMachine : mastodonMachine;
  // The metadata step already refuses such endpoints; this is the last check before the browser leaves.
  const [refusedTarget, setRefusedTarget] = useState<string>();
  const provided = useMemo(
    () =>
      machine.provide({
        actors: {
          send: sendWith((input) => sendToInstance(input, input.step)),
        },
        actions: {
          navigate: ({ self }, params: { path: string }) => {
            if (!isWebUrl(params.path)) {
              setRefusedTarget(params.path);
              return;
            }
            queueMicrotask(() => {
              saveRun(RUN_KEY, self.getPersistedSnapshot());
              expectCallback(RUN_KEY, RETURN_PATH);
              window.location.assign(params.path);
            });
          },
        },
      }),
    [machine],
  );
  const actor = useActorRef(provided, {
    input: setup.input,
    ...(setup.snapshot ? { snapshot: setup.snapshot as Snapshot<unknown> } : {}),
  });
  const autopilot = useAutopilot(actor, grant, RUN_KEY, RETURN_PATH);
  const autopilotNotice = useSelector(autopilot, (snapshot) => snapshot.context.notice);

  useEffect(() => {
    const subscription = actor.subscribe((snapshot) => {
      saveRun(RUN_KEY, actor.getPersistedSnapshot());
      const { values, tokens } = snapshot.context;
      if (tokens.access_token) markReregistered(undefined);
      // A new registration is kept for the next visit, in this browser only.
      if (values.app_source === 'registered' && values.client_id && values.client_secret && values.instance)
        saveApp(values.instance, values.redirect_uri ?? '', {
          client_id: values.client_id,
          client_secret: values.client_secret,
          scopes: values.app_scopes ?? '',
          registered_at: new Date().toISOString(),
        });
    });
    if (setup.callbackUrl && actor.getSnapshot().matches('redirecting')) {
      recordCallbackArrival(setup.callbackUrl, actor.getSnapshot().context.runId);
      actor.send({ type: 'CALLBACK', url: setup.callbackUrl });
    }
    return () => subscription.unsubscribe();
  }, [actor, setup.callbackUrl]);

  // invalid_client at the token endpoint: the saved app is gone. Register again once, then explain.
  const failedClient = useSelector(
    actor,
    (snapshot) =>
      snapshot.matches('failed') &&
      snapshot.context.error?.error === 'invalid_client' &&
      grant.steps[snapshot.context.stepIndex]?.id === 'token',
  );
  const refusedTwice = failedClient && alreadyReregistered(actor.getSnapshot().context.values.instance ?? '');
  useEffect(() => {
    if (!failedClient) return;
    const { instance = '', redirect_uri = '' } = actor.getSnapshot().context.values;
    if (alreadyReregistered(instance)) return;
    markReregistered(instance);
    forgetApp(instance, redirect_uri);
    onRestart({ reregister: true });
  }, [failedClient, actor, onRestart]);

  const events = useSyncExternalStore(subscribeBrowserEvents, browserEvents, serverEvents);
  const tokens = useSelector(actor, (snapshot) => snapshot.context.tokens);
  const values = useSelector(actor, (snapshot) => snapshot.context.values);
  // Each step unfolds the diagram a learner folded to read the log, as on a grant's page.
  const stepKey = useSelector(actor, (snapshot) => `${snapshot.context.stepIndex}:${String(snapshot.value)}`);
  const [selectedSeq, setSelectedSeq] = useState<number>();
  const [diagramView, setDiagramView] = useState<DiagramView>('graph');

  const forget = useCallback(() => {
    forgetApp(values.instance ?? '', values.redirect_uri ?? '');
    onRestart();
  }, [values.instance, values.redirect_uri, onRestart]);

  return (
    <PresenterProvider enabled={false}>
      <Workbench
        stepKey={stepKey}
        step={
          <div className="space-y-4">
            <InstanceSummary actor={actor} onForgetApp={forget} onChangeInstance={onChangeInstance} />
            {autopilotNotice ? (
              <p role="status" className="rounded-lg bg-amber-50 px-4 py-2 text-amber-950">
                {autopilotNotice}
              </p>
            ) : null}
            {refusedTarget ? (
              <p
                role="alert"
                className="rounded-lg border-l-4 border-red-700 bg-red-50 px-4 py-2 text-red-900"
              >
                The browser was not sent to {JSON.stringify(refusedTarget.slice(0, 80))}: only https://
                addresses (http:// on localhost) are followed. Press Restart, or try another instance.
              </p>
            ) : null}
            {refusedTwice ? (
              <p
                role="alert"
                className="rounded-lg border-l-4 border-red-700 bg-red-50 px-4 py-2 text-red-900"
              >
                The instance refused a freshly registered app too (invalid_client), so the playground stops
                registering. The instance may not accept apps from this site, or the app was deleted again.
                Try later, or another instance.
              </p>
            ) : null}
            <div>
              <StepList actor={actor} grant={grant} />
              <StepCard actor={actor} grant={grant} onRestart={onRestart} />
            </div>
          </div>
        }
        diagram={
          <RoleDiagram
            events={events}
            context={{ values, tokens }}
            clientType={grant.clientType}
            selectedSeq={selectedSeq}
            onSelect={setSelectedSeq}
            view={diagramView}
            onViewChange={setDiagramView}
          />
        }
        log={
          <>
            <HttpLog
              events={events}
              selectedSeq={selectedSeq}
              onSelect={setSelectedSeq}
              source="Recorded in your browser: these requests went straight to the instance, not through the playground’s server."
            />
            <TokenInspector
              tokens={tokens}
              origin={values.instance ?? ''}
              issuedBy={values.instance ?? 'the instance'}
            />
          </>
        }
      />
    </PresenterProvider>
  );
}
