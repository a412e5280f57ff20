'use client';

import { useActorRef, useSelector } from '@xstate/react';
import { useEffect, useMemo, useState } from 'react';
import { fromPromise, type Snapshot } from 'xstate';
import { walkthroughBySlug } from '@/machines';
import type { SendInput, WalkthroughInput } from '@/machines/walkthrough/create-walkthrough-machine';
import { RoleDiagram } from '../diagram/role-diagram';
import { HttpLog } from '../http-log/http-log';
import { TokenInspector } from '../token-inspector/token-inspector';
import { expectCallback, forgetRun, saveRun, sendStep, tracePosition } from './browser-io';
import { StepCard } from './step-card';
import { StepList } from './step-list';
import { useTrace } from './use-trace';

export type WalkthroughSetup = { input: WalkthroughInput; snapshot?: unknown; callbackUrl?: string };

/** One grant's walkthrough: wires its machine to the browser; the parts below only read and send. */
export function Walkthrough({ slug, setup }: { slug: string; setup: WalkthroughSetup }) {
  const { grant, machine } = walkthroughBySlug(slug)!;
  const provided = useMemo(
    () =>
      machine.provide({
        actors: { send: fromPromise(({ input }: { input: SendInput }) => sendStep(input, grant.clientId)) },
        actions: {
          navigate: ({ self }, params: { path: string }) => {
            // After the transition settles, keep the run and leave for the authorization server.
            queueMicrotask(() => {
              saveRun(slug, self.getPersistedSnapshot());
              expectCallback(slug);
              window.location.assign(params.path);
            });
          },
        },
      }),
    [machine, grant.clientId, slug],
  );
  const actor = useActorRef(provided, {
    input: setup.input,
    ...(setup.snapshot ? { snapshot: setup.snapshot as Snapshot<unknown> } : {}),
  });

  useEffect(() => {
    const subscription = actor.subscribe(() => saveRun(slug, actor.getPersistedSnapshot()));
    if (setup.callbackUrl && actor.getSnapshot().matches('redirecting'))
      actor.send({ type: 'CALLBACK', url: setup.callbackUrl });
    return () => subscription.unsubscribe();
  }, [actor, slug, setup.callbackUrl]);

  const startSeq = useSelector(actor, (snapshot) => snapshot.context.startSeq);
  const tokens = useSelector(actor, (snapshot) => snapshot.context.tokens);
  const origin = useSelector(actor, (snapshot) => snapshot.context.origin);
  const values = useSelector(actor, (snapshot) => snapshot.context.values);
  const { events } = useTrace(startSeq);
  // Which exchange the learner picked, in the diagram or the log: view state, not protocol state.
  const [selectedSeq, setSelectedSeq] = useState<number>();

  const restart = async () => {
    forgetRun(slug);
    actor.send({ type: 'RESTART', startSeq: await tracePosition(), secrets: await grant.secrets() });
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
      <StepList actor={actor} grant={grant} />
      <div className="min-w-0 space-y-6">
        <StepCard actor={actor} grant={grant} onRestart={restart} />
        <RoleDiagram
          events={events}
          context={{ values, tokens }}
          clientType={grant.clientType}
          selectedSeq={selectedSeq}
          onSelect={setSelectedSeq}
        />
        <TokenInspector tokens={tokens} origin={origin} />
        <HttpLog events={events} selectedSeq={selectedSeq} onSelect={setSelectedSeq} />
      </div>
    </div>
  );
}
