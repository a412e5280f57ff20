'use client';

import { useSelector } from '@xstate/react';
import { lazy, memo, Suspense, useId, useRef } from 'react';
import { actionOf } from '@/machines/walkthrough/current-step';
import { describeAction } from '@/machines/walkthrough/describe';
import { positionLabel, positionOf } from '@/machines/walkthrough/position';
import { isStepParty, senderOfStep, titleOf } from '@/lib/diagram/roles';
import { errorResponseOf } from '@/lib/walkthrough/response-bodies';
import type { GrantDefinition } from '@/lib/walkthrough/types';
import type { TraceEvent } from '@/lib/trace/types';
import { ParamEditor } from './param-editor';
import { RequestEditor } from './request-editor';
import { RequestPreview } from './request-preview';
import { laterModule } from '../ui/later-module';
import { useServerFacts } from './server-facts';
import { StateNotice } from './state-notice';
import { StepActions } from './step-actions';
import { StepOutcome, type Outcome } from './step-outcome';
import { useCodeClock } from './use-code-clock';
import { useStepView } from './use-step-view';
import { StepExhibit } from './step-exhibit';
import { stepFacts } from './step-facts';
import { StepIntro, ROLE } from './step-intro';
import { StepPhase, type Phase } from './step-phase';
import type { WalkthroughActor } from './types';

// What a step shows once its request has gone loads after the first paint (step-parts.ts): the walkthrough
// asks for it as soon as it is drawn, so that an answer does not wait for it.
export const stepParts = laterModule(() => import('./step-parts'));

// The recap suggests what to try next from both registries (every grant's and scenario's definition):
// it loads when a run completes, so that a page's scripts carry only its own walkthrough.
const FlowRecap = lazy(async () => ({ default: (await import('./flow-recap')).FlowRecap }));

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
  // With the learner's edits to its request ("Edit any parameter"), as the machine will send it.
  const action = actionOf(grant, context);
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
  const parts = stepParts.useModule();
  const outcome: Outcome | undefined =
    state.failed && context.error
      ? {
          kind: 'refused',
          alert: parts && (
            <parts.StepRefusal
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
      <StepIntro
        titleId={titleId}
        number={context.stepIndex + 1}
        count={grant.steps.length}
        sender={isStepParty(sender) ? ROLE[sender] : titleOf(sender, grant.roles)}
        step={step}
        phase={<StepPhase phase={phase} />}
      />

      {parts && action.kind === 'callback' && context.callback ? (
        <parts.CallbackView callback={context.callback} />
      ) : null}
      {parts && facts.code && state.ready ? (
        <parts.CodeCountdown clock={codeClock} ttlSeconds={authorizationCodeTtl} />
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
          {parts && action.qr ? <parts.VerificationQr url={action.qr} /> : null}
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

      {state.ready && (action.kind === 'navigate' || action.kind === 'send') ? (
        <RequestEditor
          action={action}
          edits={context.edits}
          ownEditors={step.params?.map((param) => param.name) ?? []}
          onSet={(name, value) => actor.send({ type: 'SET_REQUEST_PARAM', name, value })}
          onRemove={(name) => actor.send({ type: 'REMOVE_REQUEST_PARAM', name })}
          onRestore={(name) => actor.send({ type: 'RESTORE_REQUEST_PARAM', name })}
        />
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
        {parts && settled && context.lastResult ? <parts.ResultView result={context.lastResult} /> : null}
        {parts && facts.scopeGrant && (state.answered || state.complete || action.kind === 'callback') ? (
          <parts.ScopeGrantView {...facts.scopeGrant} />
        ) : null}
        {state.complete ? (
          <Suspense fallback={null}>
            <FlowRecap grant={grant} events={events} context={context} />
          </Suspense>
        ) : null}
      </div>
      {parts && state.interrupted ? (
        <parts.InterruptedView onRetry={() => actor.send({ type: 'RETRY' })} />
      ) : null}

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
