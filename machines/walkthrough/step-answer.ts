import { fromPromise } from 'xstate';
import { oauthErrorIn } from '../../lib/walkthrough/response-bodies';
import type { SendInput } from './walkthrough-context';
import type {
  ExchangeResult,
  StepDefinition,
  StepOutcome,
  WalkthroughContext,
} from '../../lib/walkthrough/types';

/** A response, and what it means for the step that sent it: read once, when it arrives. */
export type StepAnswer = { result: ExchangeResult; outcome: StepOutcome };

/** A step that does not read its response itself: any 2xx succeeds, anything else fails with the server's error. */
export const defaultOutcome = (result: ExchangeResult): StepOutcome =>
  result.status >= 200 && result.status < 300
    ? { kind: 'succeeded' }
    : { kind: 'failed', error: oauthErrorIn(result) };

export const outcomeOf = (step: StepDefinition, context: WalkthroughContext, result: ExchangeResult) =>
  step.outcome?.(context, result) ?? defaultOutcome(result);

/** How a page sends a step's request: the I/O only (the browser, the client backend, a Mastodon instance). */
export type Transport = (input: SendInput) => Promise<ExchangeResult>;

/**
 * The walkthrough's `send` actor over a page's transport: it sends the request, then reads the response
 * with the step's outcome, so that the machine decides on the answer it returns and reads nothing twice.
 */
export const sendWith = (transport: Transport) =>
  fromPromise<StepAnswer, SendInput>(async ({ input }) => {
    const result = await transport(input);
    return { result, outcome: outcomeOf(input.step, input.context, result) };
  });
