import type {
  GrantDefinition,
  StepAction,
  StepDefinition,
  WalkthroughContext,
} from '../../lib/walkthrough/types';
import { applyEdits } from './request-edits';
import type { Context, SendAction } from './walkthrough-context';

/** The step a walkthrough is at, and what "Next step" does there: read from the grant's definitions. */

export const stepAt = (grant: GrantDefinition, context: WalkthroughContext): StepDefinition => {
  const step = grant.steps[context.stepIndex];
  if (!step) throw new Error(`${grant.slug} has no step ${context.stepIndex + 1}`);
  return step;
};

/** What the step does, with the learner's edits to its request (./request-edits.ts). */
export const actionOf = (grant: GrantDefinition, context: WalkthroughContext): StepAction =>
  applyEdits(stepAt(grant, context).action(context), context.edits);

export const isLastStep = (grant: GrantDefinition, context: WalkthroughContext) =>
  context.stepIndex >= grant.steps.length - 1;

/** The front-channel trip the step makes; only a `navigate` step is ever sent on one. */
export function navigationOf(grant: GrantDefinition, context: WalkthroughContext) {
  const action = actionOf(grant, context);
  if (action.kind !== 'navigate') throw new Error(`step ${context.stepIndex + 1} does not navigate`);
  return action;
}

/** The back-channel request the step sends; only a `send` step is ever sent. */
export function requestOf(grant: GrantDefinition, context: WalkthroughContext): SendAction {
  const action = actionOf(grant, context);
  if (action.kind !== 'send') throw new Error(`step ${context.stepIndex + 1} sends no request`);
  return action;
}

/** Where the run last left for the authorization server, in its history; -1 when it never did. */
export const lastAuthorizationRequest = (grant: GrantDefinition, context: Context) =>
  context.history.findLastIndex((entry) => actionOf(grant, entry).kind === 'navigate');
