import { assign, setup } from 'xstate';
import { acceptCallback, callbackError, parseCallback } from './callback';
import { sendWith } from './step-answer';
import {
  initialContext,
  type Context,
  type WalkthroughEvent,
  type WalkthroughInput,
} from './walkthrough-context';
import type {
  GrantDefinition,
  StepAction,
  StepDefinition,
  WalkthroughContext,
} from '../../lib/walkthrough/types';

export {
  initialContext,
  type RunStart,
  type SendAction,
  type SendInput,
  type WalkthroughEvent,
  type WalkthroughInput,
} from './walkthrough-context';
export { sendWith, type StepAnswer, type Transport } from './step-answer';

/** The state a step's history entry keeps: everything but the history itself. */
const snapshotOf = ({ history: _history, ...rest }: Context): WalkthroughContext => {
  void _history;
  return rest;
};

/**
 * One walkthrough machine per grant, from the grant's step definitions. Pure: the I/O (sending a
 * request, navigating the browser) is done by the `send` actor and the `navigate` action, which the page
 * provides and tests fake.
 */
export function createWalkthroughMachine(grant: GrantDefinition) {
  const stepAt = (context: WalkthroughContext): StepDefinition => grant.steps[context.stepIndex]!;
  const actionOf = (context: WalkthroughContext): StepAction => stepAt(context).action(context);
  const isLast = (context: WalkthroughContext) => context.stepIndex >= grant.steps.length - 1;
  const lastAuthorizationRequest = (context: Context) =>
    context.history.findLastIndex((entry) => grant.steps[entry.stepIndex]!.action(entry).kind === 'navigate');
  const getNewCode = {
    REAUTHORIZE: { guard: 'hasAuthorizationRequest', target: '.redirecting', actions: 'reauthorize' },
  } as const;

  return setup({
    types: {
      context: {} as Context,
      events: {} as WalkthroughEvent,
      input: {} as WalkthroughInput,
    },
    actors: {
      send: sendWith(async () => {
        throw new Error('the page provides the send actor');
      }),
    },
    actions: {
      // The page provides this: it saves the walkthrough and sends the browser to `params.path`.
      navigate: (_args, params: { path: string }) => {
        throw new Error(`the page provides navigate (to ${params.path})`);
      },
      advance: assign(({ context }) => ({
        history: [...context.history, snapshotOf(context)],
        stepIndex: context.stepIndex + 1,
        error: undefined,
        lastResult: undefined,
        polls: [],
      })),
      back: assign(({ context }) => {
        const previous = context.history.at(-1);
        return previous ? { ...previous, history: context.history.slice(0, -1) } : {};
      }),
      restart: assign(({ context, event }) =>
        event.type === 'RESTART' ? initialContext(grant, context.origin, event) : {},
      ),
      setParam: assign(({ context, event }) =>
        event.type === 'SET_PARAM' ? { params: { ...context.params, [event.name]: event.value } } : {},
      ),
      clearError: assign({ error: undefined }),
      // Back to the last authorization request as it was sent; the code (and anything after it) is dropped.
      reauthorize: assign(({ context }) => {
        const index = lastAuthorizationRequest(context);
        const entry = context.history[index];
        if (!entry) return {};
        // A snapshot leaves out what was unset then: unset it again explicitly.
        const cleared = { callback: undefined, lastResult: undefined, error: undefined, polls: [] };
        return { ...cleared, ...entry, history: context.history.slice(0, index) };
      }),
    },
    guards: {
      isNavigation: ({ context }) => actionOf(context).kind === 'navigate',
      isSend: ({ context }) => actionOf(context).kind === 'send',
      hasPreviousStep: ({ context }) => context.history.length > 0,
      hasAuthorizationRequest: ({ context }) => lastAuthorizationRequest(context) >= 0,
    },
    delays: {
      pollInterval: ({ context }) => Number(context.values.interval ?? 5) * 1000,
    },
  }).createMachine({
    id: `walkthrough-${grant.slug}`,
    context: ({ input }) => initialContext(input.grant, input.origin, input),
    initial: 'ready',
    on: {
      RESTART: { target: '.ready', actions: 'restart' },
      ...getNewCode,
    },
    states: {
      ready: {
        tags: ['awaiting-user'],
        on: {
          NEXT: [
            {
              guard: 'isNavigation',
              target: 'redirecting',
            },
            { guard: 'isSend', target: 'sending' },
            // A callback or a person's visit elsewhere: nothing to send, move on.
            { target: 'advancing' },
          ],
          BACK: { guard: 'hasPreviousStep', actions: 'back' },
          SET_PARAM: { actions: 'setParam' },
        },
      },
      advancing: {
        always: [
          { guard: ({ context }) => isLast(context), target: 'complete' },
          { target: 'ready', actions: 'advance' },
        ],
      },
      redirecting: {
        tags: ['busy', 'front-channel'],
        entry: {
          type: 'navigate',
          params: ({ context }) => ({ path: (actionOf(context) as { path: string }).path }),
        },
        on: {
          CALLBACK: [
            // The client's checks (or, for a step that teaches a refusal, that refusal exactly) failed.
            {
              guard: ({ context, event }) => callbackError(context, stepAt(context), event.url) !== undefined,
              target: 'failed',
              actions: assign(({ context, event }) => ({
                callback: parseCallback(event.url),
                error: callbackError(context, stepAt(context), event.url),
              })),
            },
            {
              target: 'ready',
              actions: [
                'advance',
                // The step the callback answered: 'advance' has just moved past it.
                assign(({ context, event }) =>
                  acceptCallback(context, grant.steps[context.stepIndex - 1]!, parseCallback(event.url)),
                ),
              ],
            },
          ],
          BACK: { target: 'ready' },
          RETURNED: { target: 'interrupted' },
        },
      },
      // The browser left for the authorization server and came back by its Back button: no response will
      // arrive for that request. The step may be tried again (a fresh trip) or left.
      interrupted: {
        tags: ['awaiting-user', 'interrupted'],
        on: {
          RETRY: { target: 'redirecting' },
          BACK: { target: 'ready' },
        },
      },
      sending: {
        tags: ['busy'],
        invoke: {
          src: 'send',
          input: ({ context }) => ({
            action: actionOf(context) as Extract<StepAction, { kind: 'send' }>,
            step: stepAt(context),
            context,
          }),
          onDone: [
            {
              guard: ({ event }) => event.output.outcome.kind === 'pending',
              target: 'waitingToPoll',
              actions: assign(({ context, event }) => {
                const { result, outcome } = event.output;
                return {
                  lastResult: result,
                  polls: [...context.polls, result],
                  values:
                    outcome.kind === 'pending'
                      ? { ...context.values, interval: String(outcome.intervalSeconds) }
                      : context.values,
                };
              }),
            },
            {
              guard: ({ event }) => event.output.outcome.kind === 'failed',
              target: 'failed',
              actions: assign(({ event }) => {
                const { result, outcome } = event.output;
                return { lastResult: result, error: outcome.kind === 'failed' ? outcome.error : undefined };
              }),
            },
            {
              target: 'succeeded',
              actions: assign(({ context, event }) => {
                const { result, outcome } = event.output;
                return outcome.kind === 'succeeded'
                  ? {
                      lastResult: result,
                      values: { ...context.values, ...outcome.values },
                      tokens: { ...context.tokens, ...outcome.tokens },
                    }
                  : { lastResult: result };
              }),
            },
          ],
          onError: {
            target: 'failed',
            actions: assign(({ event }) => ({
              error: {
                error: 'network_error',
                error_description:
                  event.error instanceof Error ? event.error.message : 'The request could not be sent.',
              },
            })),
          },
        },
      },
      waitingToPoll: {
        tags: ['busy', 'polling'],
        after: { pollInterval: 'sending' },
        on: { BACK: { target: 'ready' } },
      },
      succeeded: {
        tags: ['awaiting-user', 'answered'],
        // The last response ends the flow at once: there is nothing left to press "Next step" for.
        always: { guard: ({ context }) => isLast(context), target: 'complete' },
        on: {
          NEXT: { target: 'ready', actions: 'advance' },
          BACK: { target: 'ready' },
        },
      },
      failed: {
        tags: ['awaiting-user', 'error'],
        on: {
          RETRY: { target: 'ready', actions: 'clearError' },
          BACK: { target: 'ready', actions: 'clearError' },
        },
      },
      complete: {
        tags: ['complete'],
        on: { BACK: { target: 'ready' } },
      },
    },
  });
}

export type WalkthroughMachine = ReturnType<typeof createWalkthroughMachine>;
