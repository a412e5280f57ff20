'use client';

import { useSelector } from '@xstate/react';
import { memo, useId } from 'react';
import { describeAction } from '@/machines/walkthrough/describe';
import { senderOfStep, titleOf } from '@/lib/diagram/roles';
import type { GrantDefinition } from '@/lib/walkthrough/types';
import type { TraceEvent } from '@/lib/trace/types';
import { CallbackView } from './callback-view';
import { CodeCountdown } from './code-countdown';
import { CodeRefusalView } from './code-refusal-view';
import { ErrorView } from './error-view';
import { InterruptedView } from './interrupted-view';
import { ParamEditor } from './param-editor';
import { RequestPreview } from './request-preview';
import { ResultView } from './result-view';
import { ScopeGrantView } from './scope-grant-view';
import { useServerFacts } from './server-facts';
import { StateNotice } from './state-notice';
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

const button = 'rounded-lg px-5 py-2 font-semibold disabled:cursor-not-allowed disabled:opacity-50';

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
  const progress = useSelector(
    actor,
    (snapshot) => `${snapshot.context.stepIndex}:${String(snapshot.value)}:${snapshot.context.polls.length}`,
  );
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
      data-progress={progress}
      aria-labelledby={titleId}
      className="@container rounded-xl border border-slate-300 bg-white p-5 shadow-sm"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">
          Step {context.stepIndex + 1} of {grant.steps.length} ·{' '}
          {sender in ROLE ? ROLE[sender as keyof typeof ROLE] : titleOf(sender, grant.roles)} →{' '}
          {ROLE[step.to]} ·{' '}
          {step.channel === 'front' ? 'front channel (through the browser)' : 'back channel (direct)'}
        </p>
        <StepPhase phase={phase} />
      </div>
      <h2 id={titleId} className="mt-1 text-xl font-bold">
        {step.title}
      </h2>
      <p className="mt-2 text-slate-700">
        {step.explanation}{' '}
        <a href={step.rfc.href} className="text-as-accent underline" target="_blank" rel="noreferrer">
          {step.rfc.label}
        </a>
      </p>

      {action.kind === 'callback' && context.callback ? <CallbackView callback={context.callback} /> : null}
      {facts.code && state.ready ? (
        <CodeCountdown
          events={events}
          code={facts.code}
          ttlSeconds={authorizationCodeTtl}
          onNewCode={newCode}
        />
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
                {poll.status} <code>{(poll.body as { error?: string }).error}</code>
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

      {(state.answered || state.failed || state.complete) && context.lastResult ? (
        <ResultView result={context.lastResult} />
      ) : null}
      {facts.scopeGrant && (state.answered || state.complete || action.kind === 'callback') ? (
        <ScopeGrantView {...facts.scopeGrant} />
      ) : null}
      {state.failed && context.error ? (
        <ErrorView error={context.error} onRetry={() => actor.send({ type: 'RETRY' })}>
          {facts.redeemsCode && facts.code && context.error.error === 'invalid_grant' ? (
            <CodeRefusalView
              events={events}
              code={facts.code}
              ttlSeconds={authorizationCodeTtl}
              verifierChallenge={context.values.code_verifier ? context.values.code_challenge : undefined}
              onNewCode={newCode}
            />
          ) : null}
        </ErrorView>
      ) : null}
      {state.interrupted ? <InterruptedView onRetry={() => actor.send({ type: 'RETRY' })} /> : null}
      {state.complete ? (
        <p
          role="status"
          className="mt-4 rounded-lg bg-emerald-50 px-4 py-3 text-lg font-semibold text-emerald-900"
        >
          Flow complete
        </p>
      ) : null}

      {/* Sticks to the bottom of the step pane: "Next step" stays on screen however long the step is. */}
      <div
        data-step-actions
        role="group"
        aria-label={`Step ${context.stepIndex + 1}: ${step.title}`}
        tabIndex={-1}
        className="sticky bottom-0 -mx-5 -mb-5 mt-5 flex flex-wrap gap-3 rounded-b-xl border-t border-slate-200 bg-white px-5 py-3"
      >
        <button
          type="button"
          className={`${button} bg-slate-200 text-slate-900 hover:bg-slate-300`}
          disabled={context.stepIndex === 0 && state.ready}
          onClick={() => actor.send({ type: 'BACK' })}
        >
          Back
        </button>
        <button
          type="button"
          className={`${button} bg-as-accent text-white hover:bg-as`}
          disabled={state.busy || state.failed || state.complete || state.interrupted}
          onClick={() => actor.send({ type: 'NEXT' })}
        >
          {state.ready && step.actionLabel ? step.actionLabel : 'Next step'}
        </button>
        <button
          type="button"
          className={`${button} bg-white text-slate-900 ring-1 ring-slate-300 hover:bg-slate-50`}
          onClick={onRestart}
        >
          Restart
        </button>
      </div>
    </section>
  );
}

const NO_EVENTS: readonly TraceEvent[] = [];

/** Re-renders when its own props change, not on every exchange the page receives. */
export const StepCard = memo(StepCardView);
