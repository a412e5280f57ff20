import type { DemoLogin } from '../../lib/demo/logins';
import type { GrantDefinition, StepAction, WalkthroughContext } from '../../lib/walkthrough/types';

/**
 * The autopilot drives a walkthrough by sending it NEXT, for two instructor features:
 * - a deep link (`/grants/<slug>?step=N`) replays steps 1..N-1 for real and lands on step N;
 * - auto-play steps through at a pace and pauses where a person must act.
 * It is a pure decision, from the plan and what the walkthrough shows now, to the next move; the page
 * carries the moves out (and keeps the plan across the trip to the authorization server).
 */
export type AutopilotPlan = {
  /** Deep link: the step index (0-based) to land on. */
  target?: number;
  /** Auto-play: milliseconds between steps. */
  paceMs?: number;
  /** A demo account that signs in and consents unattended; without it, a person does. */
  login?: DemoLogin;
  /** The person step (device code) already handled at this index: do not stop there again. */
  passed?: number;
};

/** What the walkthrough shows now, read from its machine's snapshot. */
export type AutopilotView = {
  phase: 'ready' | 'answered' | 'busy' | 'failed' | 'complete';
  stepIndex: number;
  action: StepAction['kind'];
};

export type AutopilotMove =
  | { kind: 'next'; delayMs: number }
  /** A request or a trip to the authorization server is under way. */
  | { kind: 'wait' }
  /** A person must act elsewhere (enter the device's user code); auto-play stops until they do. */
  | { kind: 'pause' }
  /** The unattended variant of the person step: this tab goes to the verification page and back. */
  | { kind: 'visit' }
  | { kind: 'landed' }
  | { kind: 'finished' }
  | { kind: 'stopped' };

export function nextMove(plan: AutopilotPlan, view: AutopilotView): AutopilotMove {
  if (view.phase === 'complete') return { kind: 'finished' };
  if (view.phase === 'failed') return { kind: 'stopped' };
  if (view.phase === 'busy') return { kind: 'wait' };
  const replaying = plan.target !== undefined;
  if (replaying && view.phase === 'ready' && view.stepIndex >= plan.target!) return { kind: 'landed' };
  if (view.phase === 'ready' && view.action === 'visit' && plan.passed !== view.stepIndex)
    return plan.login ? { kind: 'visit' } : { kind: 'pause' };
  return { kind: 'next', delayMs: replaying ? 0 : (plan.paceMs ?? 0) };
}

/** Reads a deep link's `step` (1-based, as the step list numbers them); an error in plain words. */
export function parseStepParam(value: string | null, stepCount: number): { target?: number; error?: string } {
  if (value === null) return {};
  const step = Number(value);
  if (!Number.isInteger(step) || step < 1 || step > stepCount)
    return {
      error: `This link asks for step “${value}”, but this walkthrough has steps 1 to ${stepCount}. Starting at step 1.`,
    };
  return { target: step - 1 };
}

/** The part of a walkthrough machine's snapshot the autopilot reads. */
type SnapshotLike = {
  hasTag(tag: string): boolean;
  matches(state: 'failed' | 'succeeded'): boolean;
  context: WalkthroughContext;
};

export function viewOf(snapshot: SnapshotLike, grant: GrantDefinition): AutopilotView {
  const { context } = snapshot;
  return {
    phase: snapshot.hasTag('complete')
      ? 'complete'
      : snapshot.matches('failed')
        ? 'failed'
        : snapshot.hasTag('busy')
          ? 'busy'
          : snapshot.matches('succeeded')
            ? 'answered'
            : 'ready',
    stepIndex: context.stepIndex,
    action: grant.steps[context.stepIndex]!.action(context).kind,
  };
}
