'use client';

import { useSelector } from '@xstate/react';
import { memo, useId, useRef } from 'react';
import { describeAction } from '@/machines/walkthrough/describe';
import { positionLabel, positionOf } from '@/machines/walkthrough/position';
import { isStepParty, senderOfStep, titleOf } from '@/lib/diagram/roles';
import { errorResponseOf } from '@/lib/walkthrough/response-bodies';
import type { GrantDefinition } from '@/lib/walkthrough/types';
import type { TraceEvent } from '@/lib/trace/types';
import { CallbackView } from './callback-view';
import { CodeCountdown } from './code-countdown';
import { FlowRecap } from './flow-recap';
import { InterruptedView } from './interrupted-view';
import { ParamEditor } from './param-editor';
import { RequestPreview } from './request-preview';
import { ResultView } from './result-view';
import { ScopeGrantView } from './scope-grant-view';
import { useServerFacts } from './server-facts';
import { StateNotice } from './state-notice';
import { StepActions } from './step-actions';
import { StepRefusal } from './step-refusal';
import { StepOutcome, type Outcome } from './step-outcome';
import { useCodeClock } from './use-code-clock';
import { useStepView } from './use-step-view';
import { StepExhibit } from './step-exhibit';
import { stepFacts } from './step-facts';
import { StepPhase, type Phase } from './step-phase';
import type { WalkthroughActor } from './types';
import { VerificationQr } from './verification-qr';

const ROLE = {
  'resource-owner': 'Resource owner (browser)',
  client: 'Client',
  'authorization-server': 'Authorization server',
  'resource-server': 'Resource server',
  attacker: 'Attacker',
} as const;

/** The current step: what it does and why, the request about to go, and what came back. */
function StepCardView({
  actor,
  grant,
  onRestart,
  events = NO_EVENTS,
}: {
  actor: WalkthroughActor;
  grant: GrantDefinition;
  onRestart(): void;
  /** This run's exchanges: what the code's countdown and a refusal's cause are read from. */
  events?: readonly TraceEvent[];
}) {
  const titleId = useId();
  const context = useSelector(actor, (snapshot) => snapshot.context);
  // Where the walkthrough is, as the autopilot tells its moves apart: for scripts that wait on a move.
  const progress = useSelector(actor, (snapshot) => positionLabel(positionOf(snapshot)));
  const state = useSelector(actor, (snapshot) => ({
    busy: snapshot.hasTag('busy'),
    redirecting: snapshot.matches('redirecting'),
    polling: snapshot.hasTag('polling'),
    failed: snapshot.matches('failed'),
    answered: snapshot.matches('succeeded'),
    complete: snapshot.hasTag('complete'),
    ready: snapshot.matches('ready'),
    interrupted: snapshot.hasTag('interrupted'),
  }));
  const { authorizationCodeTtl } = useServerFacts();
  const step = grant.steps[context.stepIndex]!;
  const action = step.action(context);
  const sender = senderOfStep(step.from, action, grant.roles);
  const request = describeAction(action, grant, context);
  const facts = stepFacts(grant, context, action, state.answered || state.complete);
  const newCode = () => actor.send({ type: 'REAUTHORIZE' });
  const codeClock = useCodeClock(events, facts.code, authorizationCodeTtl);
  const card = useRef<HTMLElement>(null);
  const result = useRef<HTMLDivElement>(null);
  const actions = useRef<HTMLDivElement>(null);
  const settled = state.answered || state.failed || state.complete;
  useStepView({
    moment: `${context.stepIndex}:${state.redirecting ? 'away' : settled ? 'result' : state.ready ? 'step' : 'busy'}`,
    card,
    result,
    actions,
  });
  const outcome: Outcome | undefined =
    state.failed && context.error
      ? {
          kind: 'refused',
          alert: (
            <StepRefusal
              actor={actor}
              error={context.error}
              context={context}
              facts={facts}
              events={events}
              ttlSeconds={authorizationCodeTtl}
              card={card}
            />
          ),
        }
      : state.complete
        ? { kind: 'complete', result: context.lastResult }
        : state.answered && context.lastResult
          ? { kind: 'answered', result: context.lastResult, next: grant.steps[context.stepIndex + 1]?.title }
          : state.ready && codeClock.kind === 'expired'
            ? { kind: 'code-expired', expiresAt: codeClock.expiresAt, onNewCode: newCode }
            : undefined;
  const phase: Phase = state.ready
    ? { kind: 'ready', action: action.kind }
    : state.redirecting
      ? { kind: 'away' }
      : state.interrupted
        ? { kind: 'interrupted' }
        : state.polling
          ? { kind: 'polling' }
          : state.busy
            ? { kind: 'sending' }
            : state.failed
              ? { kind: 'refused', status: context.lastResult?.status }
              : { kind: 'answered', status: context.lastResult?.status };

  return (
    <section
      ref={card}
      data-progress={progress}
      aria-labelledby={titleId}
      className="@container rounded-xl border border-slate-300 bg-white p-5 shadow-sm"
    >
      {/* From 1024 px it stays at the top of the step pane: the step is named while its result is read. */}
      <div className="step-heading">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm text-slate-600">
            Step {context.stepIndex + 1} of {grant.steps.length} ·{' '}
            {isStepParty(sender) ? ROLE[sender] : titleOf(sender, grant.roles)} → {ROLE[step.to]} ·{' '}
            {step.channel === 'front' ? 'front channel (through the browser)' : 'back channel (direct)'}
          </p>
          <StepPhase phase={phase} />
        </div>
        <h2 id={titleId} className="mt-1 text-xl font-bold">
          {step.title}
        </h2>
      </div>
      <p className="mt-2 text-slate-700">
        {step.explanation}{' '}
        <a href={step.rfc.href} className="text-as-accent underline" target="_blank" rel="noreferrer">
          {step.rfc.label}
        </a>
      </p>

      {action.kind === 'callback' && context.callback ? <CallbackView callback={context.callback} /> : null}
      {facts.code && state.ready ? (
        <CodeCountdown clock={codeClock} ttlSeconds={authorizationCodeTtl} />
      ) : null}

      {action.kind === 'visit' ? (
        <div className="mt-4 rounded-lg border border-slate-300 bg-slate-50 p-4">
          {action.show ? (
            <>
              <p>{action.show.label}</p>
              <p className="my-2 font-mono text-3xl tracking-widest" aria-label={action.show.name}>
                {action.show.value}
              </p>
            </>
          ) : null}
          <a
            href={action.url}
            target="_blank"
            rel="noreferrer"
            className="font-semibold text-as-accent underline"
          >
            {action.linkText}
          </a>
          {action.qr ? <VerificationQr url={action.qr} /> : null}
        </div>
      ) : null}
      {action.kind === 'skip' ? (
        <p className="mt-4 rounded-lg border border-slate-300 bg-slate-50 p-4">{action.reason}</p>
      ) : null}

      {state.ready && step.params?.length ? (
        <fieldset data-chrome className="mt-4 grid gap-3 @lg:grid-cols-2">
          <legend className="mb-1 font-semibold">Parameters you can change</legend>
          {step.params.map((param) => (
            <ParamEditor
              key={param.name}
              param={param}
              value={context.params[param.name] ?? ''}
              onChange={(value) => actor.send({ type: 'SET_PARAM', name: param.name, value })}
            />
          ))}
        </fieldset>
      ) : null}

      {facts.stateAdvice && (state.ready || state.failed) ? <StateNotice text={facts.stateAdvice} /> : null}

      {request ? <RequestPreview request={request} /> : null}
      <StepExhibit exhibit={step.exhibit?.(context)} />

      {context.polls.length ? (
        <div className="mt-4">
          <h3 className="font-semibold">Polling answers so far</h3>
          <ol className="list-decimal pl-6 text-sm">
            {context.polls.map((poll, index) => (
              <li key={index}>
                {poll.status} <code>{errorResponseOf(poll.body).error}</code>
              </li>
            ))}
          </ol>
        </div>
      ) : null}

      {state.redirecting ? (
        <p role="status" className="mt-4 rounded bg-as-soft px-3 py-2">
          Your browser is on its way to the authorization server…
        </p>
      ) : null}
      {state.polling ? (
        <p role="status" className="mt-4 rounded bg-sky-50 px-3 py-2">
          Not approved yet. Asking again in {context.values.interval} seconds…
        </p>
      ) : null}
      {state.busy && !state.redirecting && !state.polling ? (
        <p role="status" className="mt-4">
          Sending…
        </p>
      ) : null}

      <div ref={result} className="scroll-mt-2">
        {settled && context.lastResult ? <ResultView result={context.lastResult} /> : null}
        {facts.scopeGrant && (state.answered || state.complete || action.kind === 'callback') ? (
          <ScopeGrantView {...facts.scopeGrant} />
        ) : null}
        {state.complete ? <FlowRecap grant={grant} events={events} context={context} /> : null}
      </div>
      {state.interrupted ? <InterruptedView onRetry={() => actor.send({ type: 'RETRY' })} /> : null}

      <StepActions
        ref={actions}
        label={`Step ${context.stepIndex + 1}: ${step.title}`}
        outcome={<StepOutcome outcome={outcome} />}
        backDisabled={context.stepIndex === 0 && state.ready}
        nextDisabled={state.busy || state.failed || state.complete || state.interrupted}
        nextLabel={state.ready && step.actionLabel ? step.actionLabel : 'Next step'}
        onBack={() => actor.send({ type: 'BACK' })}
        onNext={() => actor.send({ type: 'NEXT' })}
        onRestart={onRestart}
      />
    </section>
  );
}

const NO_EVENTS: readonly TraceEvent[] = [];

/** Re-renders when its own props change, not on every exchange the page receives. */
export const StepCard = memo(StepCardView);
