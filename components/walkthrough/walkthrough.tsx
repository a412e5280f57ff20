'use client';

import { useActorRef, useSelector } from '@xstate/react';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Snapshot } from 'xstate';
import { sendWith } from '@/machines/walkthrough/create-walkthrough-machine';
import { hasInstructorRoom } from '../classroom/instructor-room-key';
import { RoleDiagram, type DiagramView } from '../diagram/role-diagram';
import { useMainExchange } from '../diagram/use-main-exchange';
import { resourceOwnerPartOf } from '@/lib/diagram/resource-owner';
import { HttpLog } from '../http-log/http-log';
import { TokenInspector } from '../token-inspector/token-inspector';
import { expectCallback, forgetRun, markRunForNavigation, newRun, saveRun, sendStep } from './browser-io';
import { AutoplayControls, storedPace } from './autoplay-controls';
import { StepCard } from './step-card';
import { StepLink } from './step-link';
import { useAutopilot } from './use-autopilot';
import { PresenterProvider, presentingPath, usePresenter } from './presenter';
import { ShortcutHelp } from './shortcut-help';
import { StepList } from './step-list';
import { useShortcuts } from './use-shortcuts';
import { useTrace } from './use-trace';
import { useFrontChannelReturn } from './use-front-channel-return';
import { Workbench } from './workbench';
import type { WalkthroughPlacement, WalkthroughSetup } from './walkthrough-setup';
import { WalkthroughToolbar } from './walkthrough-toolbar';
import { clientKindOf } from '@/lib/grants/grant-facts';

const PHONE = '(max-width: 639px)';

// The classroom's panel (start a room, its code and QR code, what students see) loads when the instructor
// opens "Classroom", or at once in a browser that has a room open: most runs never need it.
const RoomPanel = lazy(async () => ({ default: (await import('../classroom/room-panel')).RoomPanel }));

/** One grant's walkthrough: wires its machine to the browser; the parts below only read and send. */
export function Walkthrough({
  slug,
  setup,
  placement,
  title,
  intro,
  pagePath = `/grants/${slug}`,
}: {
  slug: string;
  setup: WalkthroughSetup;
  placement?: WalkthroughPlacement;
  /** Server-rendered: the grant's name, and its summary (see WalkthroughLoader). */
  title?: ReactNode;
  intro?: ReactNode;
  /** The page it lives on, when not `/grants/<slug>` (an attack: `/attacks/<slug>`). */
  pagePath?: string;
}) {
  const { grant, machine, rules, extras } = setup.walkthrough;
  const storageKey = placement?.storageKey ?? slug;
  const returnPath = placement?.returnPath ?? pagePath;
  const provided = useMemo(
    () =>
      machine.provide({
        actors: { send: sendWith((input) => sendStep(input, grant.clientId)) },
        actions: {
          navigate: ({ self }, params: { path: string }) => {
            // After the transition settles, keep the run and leave for the authorization server.
            queueMicrotask(() => {
              saveRun(storageKey, self.getPersistedSnapshot());
              // In presenter view the walkthrough comes back in presenter view, secrets still masked.
              expectCallback(storageKey, presentingPath(returnPath));
              markRunForNavigation(self.getSnapshot().context.runId);
              window.location.assign(params.path);
            });
          },
        },
      }),
    [machine, grant.clientId, storageKey, returnPath],
  );
  const actor = useActorRef(provided, {
    input: setup.input,
    ...(setup.snapshot ? { snapshot: setup.snapshot as Snapshot<unknown> } : {}),
  });

  useFrontChannelReturn(actor, setup.callbackUrl);
  useEffect(() => {
    const subscription = actor.subscribe(() => saveRun(storageKey, actor.getPersistedSnapshot()));
    if (setup.callbackUrl && actor.getSnapshot().matches('redirecting'))
      actor.send({ type: 'CALLBACK', url: setup.callbackUrl });
    // Back from the authorization server: requests name their run in a header again.
    if (!actor.getSnapshot().matches('redirecting')) markRunForNavigation(undefined);
    return () => subscription.unsubscribe();
  }, [actor, storageKey, setup.callbackUrl]);

  const startSeq = useSelector(actor, (snapshot) => snapshot.context.startSeq);
  const tokens = useSelector(actor, (snapshot) => snapshot.context.tokens);
  const origin = useSelector(actor, (snapshot) => snapshot.context.origin);
  const values = useSelector(actor, (snapshot) => snapshot.context.values);
  const runId = useSelector(actor, (snapshot) => snapshot.context.runId);
  const callback = useSelector(actor, (snapshot) => snapshot.context.callback);
  const { events } = useTrace(startSeq, placement?.strictRun ? runId : undefined);
  const onStatus = placement?.onStatus;
  useEffect(
    () => onStatus?.({ actor, events, context: { tokens, callback } }),
    [onStatus, actor, events, tokens, callback],
  );
  // Which exchange the learner picked, in the diagram or the log: view state, not protocol state.
  const [selectedSeq, setSelectedSeq] = useState<number>();
  // On a phone the graph's four roles and their arrows do not fit: the sequence view reads top to bottom.
  const [diagramView, setDiagramView] = useState<DiagramView>(() =>
    window.matchMedia(PHONE).matches ? 'sequence' : 'graph',
  );
  const stepKey = useSelector(actor, (snapshot) => `${snapshot.context.stepIndex}:${String(snapshot.value)}`);
  const [helpOpen, setHelpOpen] = useState(false);
  const [classroom, setClassroom] = useState(hasInstructorRoom);

  const autopilot = useAutopilot(actor, grant, storageKey, returnPath, rules?.stoppedNotice);
  const restart = useCallback(
    async (params?: Record<string, string>) => {
      if (autopilot.getSnapshot().matches('running')) autopilot.send({ type: 'STOP' });
      forgetRun(storageKey);
      // Restart keeps what the page says a run keeps (an attack's defenses), read before the run is reset.
      const kept = params ?? rules?.restartWith?.(actor.getSnapshot().context);
      const run = await newRun(grant);
      // A fresh run takes its parameters' starting values from its secrets (initialContext).
      actor.send({ type: 'RESTART', ...run, secrets: { ...run.secrets, ...kept } });
    },
    [actor, grant, storageKey, autopilot, rules],
  );

  // The presenter provider below owns the view; the P key reaches it through this ref.
  const presenterToggle = useRef<() => void>(() => {});

  // On its own page a walkthrough answers to the keyboard; two on one page would both answer.
  useShortcuts(
    {
      next: () => actor.send({ type: 'NEXT' }),
      back: () => actor.send({ type: 'BACK' }),
      restart: () => void restart(),
      toggleDiagram: () => setDiagramView((view) => (view === 'graph' ? 'sequence' : 'graph')),
      toggleHelp: () => setHelpOpen((open) => !open),
      togglePresenter: () => presenterToggle.current(),
      toggleAutoplay: () =>
        autopilot.send(
          autopilot.getSnapshot().matches('running')
            ? { type: 'STOP' }
            : { type: 'PLAY', paceMs: storedPace() },
        ),
    },
    !placement,
  );

  const mainSeq = useMainExchange(actor, grant, events);
  const diagram = (
    <RoleDiagram
      events={events}
      context={{ values, tokens }}
      clientType={clientKindOf(grant)}
      roles={grant.roles}
      selectedSeq={selectedSeq}
      onSelect={setSelectedSeq}
      mainSeq={mainSeq}
      resourceOwner={resourceOwnerPartOf(grant)}
      view={diagramView}
      onViewChange={setDiagramView}
    />
  );
  const stepCard = <StepCard actor={actor} grant={grant} onRestart={() => void restart()} events={events} />;
  const tokenInspector = (
    <TokenInspector tokens={tokens} origin={origin} id={placement ? undefined : 'tokens'} />
  );
  const httpLog = (
    <HttpLog
      events={events}
      roles={grant.roles}
      steps={grant.steps}
      selectedSeq={selectedSeq}
      onSelect={setSelectedSeq}
    />
  );

  if (placement?.compact)
    return (
      <PresenterProvider enabled={false}>
        <div className="space-y-4">
          {stepCard}
          {diagram}
          {httpLog}
          {tokenInspector}
        </div>
      </PresenterProvider>
    );

  return (
    <PresenterProvider enabled={!placement}>
      <PresenterKey toggleRef={presenterToggle} />
      <Workbench
        stepKey={stepKey}
        toolbar={
          placement ? null : (
            <WalkthroughToolbar
              title={title}
              tools={{
                autopilot: <AutoplayControls autopilot={autopilot} />,
                stepLink: <StepLink actor={actor} path={pagePath} params={rules?.linkParams} />,
                room: classroom ? (
                  <Suspense
                    fallback={
                      <p role="status" className="rounded-xl border border-slate-300 bg-white p-4">
                        Loading the classroom…
                      </p>
                    }
                  >
                    <RoomPanel actor={actor} grant={grant} events={events} />
                  </Suspense>
                ) : null,
                onClassroom: () => setClassroom(true),
                onShortcuts: () => setHelpOpen(true),
              }}
            />
          )
        }
        step={
          <>
            {intro}
            {extras?.({ actor, autopilot, restart, events })}
            <StepList actor={actor} grant={grant} />
            {stepCard}
          </>
        }
        diagram={diagram}
        log={
          <>
            {httpLog}
            {tokenInspector}
          </>
        }
      />
      {placement ? null : <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />}
    </PresenterProvider>
  );
}

/** Hands the presenter view's toggle to the keyboard shortcuts, which live outside its provider. */
function PresenterKey({ toggleRef }: { toggleRef: { current: () => void } }) {
  const { toggle } = usePresenter();
  useEffect(() => {
    toggleRef.current = toggle;
  }, [toggle, toggleRef]);
  return null;
}
