import { assertEvent, assign, setup, type ActorRefFrom, type ErrorActorEvent } from 'xstate';
import { acceptCallback, callbackError, parseCallback } from './callback';
import {
  isLastStep,
  lastAuthorizationRequest,
  navigationOf,
  requestOf,
  stepAt,
  actionOf,
} from './current-step';
import { removeParameter, restoreParameter, setParameter } from './request-edits';
import { sendWith, type StepAnswer } from './step-answer';
import {
  initialContext,
  type Context,
  type WalkthroughEvent,
  type WalkthroughInput,
} from './walkthrough-context';
import type { GrantDefinition, WalkthroughContext } from '../../lib/walkthrough/types';

export {
  initialContext,
  type RunStart,
  type SendAction,
  type SendInput,
  type WalkthroughEvent,
  type WalkthroughInput,
} from './walkthrough-context';
export { sendWith, type StepAnswer, type Transport } from './step-answer';

/** What the walkthrough's states say about it, for the page to read (`snapshot.hasTag`). */
export type WalkthroughTag =
  'awaiting-user' | 'busy' | 'front-channel' | 'interrupted' | 'polling' | 'answered' | 'error' | 'complete';

/** The machine's types: setup() reads only their types, never these (absent) values. */
const types: {
  context?: Context;
  events?: WalkthroughEvent;
  input?: WalkthroughInput;
  tags?: WalkthroughTag;
} = {};

/** The state a step's history entry keeps: everything but the history itself. */
const snapshotOf = ({ history: _history, ...rest }: Context): WalkthroughContext => {
  void _history;
  return rest;
};

/** What a response leaves in the run, by what it means for the step (read once, by the send actor). */
function answered(context: Context, { result, outcome }: StepAnswer): Partial<Context> {
  switch (outcome.kind) {
    case 'pending':
      return {
        lastResult: result,
        polls: [...context.polls, result],
        values: { ...context.values, interval: String(outcome.intervalSeconds) },
      };
    case 'failed':
      return { lastResult: result, error: outcome.error };
    case 'succeeded':
      return {
        lastResult: result,
        values: { ...context.values, ...outcome.values },
        tokens: { ...context.tokens, ...outcome.tokens },
      };
  }
}

/**
 * One walkthrough machine per grant, from the grant's step definitions: the grant is given here once,
 * and a run's input says only where it starts. Pure: the I/O (sending a request, navigating the browser)
 * is done by the `send` actor and the `navigate` action, which the page provides and tests fake.
 */
export function createWalkthroughMachine(grant: GrantDefinition) {
  return setup({
    types,
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
        // The learner's edits were to the request just sent: the next step's starts as the step writes it.
        edits: undefined,
      })),
      back: assign(({ context }) => {
        const previous = context.history.at(-1);
        return previous ? { ...previous, history: context.history.slice(0, -1) } : {};
      }),
      restart: assign(({ context, event }) => {
        assertEvent(event, 'RESTART');
        return initialContext(grant, context.origin, event);
      }),
      setParam: assign(({ context, event }) => {
        assertEvent(event, 'SET_PARAM');
        return { params: { ...context.params, [event.name]: event.value } };
      }),
      editRequest: assign(({ context, event }) => {
        assertEvent(event, ['SET_REQUEST_PARAM', 'REMOVE_REQUEST_PARAM', 'RESTORE_REQUEST_PARAM']);
        if (event.type === 'SET_REQUEST_PARAM')
          return { edits: setParameter(context.edits, event.name, event.value) };
        if (event.type === 'REMOVE_REQUEST_PARAM')
          return { edits: removeParameter(context.edits, event.name) };
        return { edits: restoreParameter(context.edits, event.name) };
      }),
      clearError: assign({ error: undefined }),
      // Back to the last authorization request as it was sent; the code (and anything after it) is dropped.
      reauthorize: assign(({ context }) => {
        const index = lastAuthorizationRequest(grant, context);
        const entry = context.history[index];
        if (!entry) return {};
        // A snapshot leaves out what was unset then: unset it again explicitly.
        const cleared = { callback: undefined, lastResult: undefined, error: undefined, polls: [] };
        return { ...cleared, ...entry, history: context.history.slice(0, index) };
      }),
      // The client's checks (or, for a step that teaches a refusal, that refusal exactly) failed.
      refuseCallback: assign(({ context, event }) => {
        assertEvent(event, 'CALLBACK');
        return {
          callback: parseCallback(event.url),
          error: callbackError(context, stepAt(grant, context), event.url),
        };
      }),
      // Runs after 'advance': the step the callback answered is the one just moved past.
      acceptCallback: assign(({ context, event }) => {
        assertEvent(event, 'CALLBACK');
        const answeredStep = grant.steps[context.stepIndex - 1];
        return answeredStep ? acceptCallback(context, answeredStep, parseCallback(event.url)) : {};
      }),
      storeAnswer: assign(({ context }, answer: StepAnswer) => answered(context, answer)),
      storeNetworkError: assign((_args, error: unknown) => ({
        error: {
          error: 'network_error',
          error_description: error instanceof Error ? error.message : 'The request could not be sent.',
        },
      })),
    },
    guards: {
      isNavigation: ({ context }) => actionOf(grant, context).kind === 'navigate',
      isSend: ({ context }) => actionOf(grant, context).kind === 'send',
      isLastStep: ({ context }) => isLastStep(grant, context),
      hasPreviousStep: ({ context }) => context.history.length > 0,
      hasAuthorizationRequest: ({ context }) => lastAuthorizationRequest(grant, context) >= 0,
      callbackRefused: ({ context, event }) => {
        assertEvent(event, 'CALLBACK');
        return callbackError(context, stepAt(grant, context), event.url) !== undefined;
      },
      isPending: (_args, answer: StepAnswer) => answer.outcome.kind === 'pending',
      isFailure: (_args, answer: StepAnswer) => answer.outcome.kind === 'failed',
    },
    delays: {
      pollInterval: ({ context }) => Number(context.values.interval ?? 5) * 1000,
    },
  }).createMachine({
    id: `walkthrough-${grant.slug}`,
    context: ({ input }) => initialContext(grant, input.origin, input),
    initial: 'ready',
    on: {
      RESTART: { target: '.ready', actions: 'restart' },
      REAUTHORIZE: { guard: 'hasAuthorizationRequest', target: '.redirecting', actions: 'reauthorize' },
    },
    states: {
      ready: {
        tags: ['awaiting-user'],
        on: {
          NEXT: [
            { guard: 'isNavigation', target: 'redirecting' },
            { guard: 'isSend', target: 'sending' },
            // A callback or a person's visit elsewhere: nothing to send, move on.
            { target: 'advancing' },
          ],
          BACK: { guard: 'hasPreviousStep', actions: 'back' },
          SET_PARAM: { actions: 'setParam' },
          SET_REQUEST_PARAM: { actions: 'editRequest' },
          REMOVE_REQUEST_PARAM: { actions: 'editRequest' },
          RESTORE_REQUEST_PARAM: { actions: 'editRequest' },
        },
      },
      advancing: {
        always: [
          { guard: 'isLastStep', target: 'complete' },
          { target: 'ready', actions: 'advance' },
        ],
      },
      redirecting: {
        tags: ['busy', 'front-channel'],
        entry: { type: 'navigate', params: ({ context }) => ({ path: navigationOf(grant, context).path }) },
        on: {
          CALLBACK: [
            { guard: 'callbackRefused', target: 'failed', actions: 'refuseCallback' },
            { target: 'ready', actions: ['advance', 'acceptCallback'] },
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
            action: requestOf(grant, context),
            step: stepAt(grant, context),
            context,
          }),
          onDone: [
            {
              guard: { type: 'isPending', params: ({ event }) => event.output },
              target: 'waitingToPoll',
              actions: { type: 'storeAnswer', params: ({ event }) => event.output },
            },
            {
              guard: { type: 'isFailure', params: ({ event }) => event.output },
              target: 'failed',
              actions: { type: 'storeAnswer', params: ({ event }) => event.output },
            },
            { target: 'succeeded', actions: { type: 'storeAnswer', params: ({ event }) => event.output } },
          ],
          onError: {
            target: 'failed',
            actions: {
              type: 'storeNetworkError',
              params: ({ event }: { event: ErrorActorEvent }) => event.error,
            },
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
        always: { guard: 'isLastStep', target: 'complete' },
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
export type WalkthroughActor = ActorRefFrom<WalkthroughMachine>;
