import { assign, fromCallback, sendTo, setup, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import { nextMove, viewOf, type AutopilotMove, type AutopilotPlan, type AutopilotView } from './autopilot';
import type { WalkthroughActor, WalkthroughMachine } from './create-walkthrough-machine';
import { positionOf, samePosition, type WalkthroughPosition } from './position';
import type { DemoLogin } from '../../lib/demo/logins';
import type { GrantDefinition, WalkthroughContext } from '../../lib/walkthrough/types';

/** What the autopilot reads of the walkthrough each time it moves. */
export type Watched = { view: AutopilotView; position: WalkthroughPosition; context: WalkthroughContext };

export const watchedOf = (snapshot: SnapshotFrom<WalkthroughMachine>, grant: GrantDefinition): Watched => ({
  view: viewOf(snapshot, grant),
  position: positionOf(snapshot),
  context: snapshot.context,
});

export type AutopilotInput = {
  walkthrough: WalkthroughActor;
  grant: GrantDefinition;
  /** The plan kept across the trip to the authorization server, or a deep link's. */
  plan?: AutopilotPlan;
  /** What to say when the run stops at a refused step, when that refusal is the lesson (an attack blocked). */
  stoppedNotice?(context: WalkthroughContext, stepNumber: number): string | undefined;
};

export type AutopilotEvent =
  | { type: 'PLAY'; paceMs: number }
  | { type: 'STOP' }
  /** A new pace, taken at once while playing. */
  | { type: 'SET_PACE'; paceMs: number }
  /** The walkthrough moved (sent by the watcher). */
  | { type: 'WALKTHROUGH'; watched: Watched };

type AutopilotContext = Omit<AutopilotInput, 'plan'> & {
  plan?: AutopilotPlan;
  /** What the autopilot is doing or why it stopped, for a status line. */
  notice: string;
  /** The walkthrough as last seen. */
  watched: Watched;
  /** Where the walkthrough was at the last decision, and what was decided. */
  decidedAt?: WalkthroughPosition;
  move?: AutopilotMove;
};

/** The unattended variant of the person step: this tab goes to the verification page and back. */
export type Visit = { url: string; login?: DemoLogin; runId: string };

const types: {
  context?: AutopilotContext;
  events?: AutopilotEvent;
  input?: AutopilotInput;
} = {};

const replayNotice = (target: number) =>
  `Replaying steps 1 to ${target} for real to reach step ${target + 1}…`;

/** Why auto-play ended, for a move that ends it. */
function endNotice({ move, watched, stoppedNotice }: AutopilotContext): string {
  const stepNumber = watched.context.stepIndex + 1;
  const step = `step ${stepNumber}`;
  switch (move?.kind) {
    case 'pause':
      return `Paused at ${step}: a person must enter the code on the verification page. Press Play (or Next step) once it is approved.`;
    case 'landed':
      return `Landed on ${step}: the steps before it ran for real, with fresh requests and tokens.`;
    case 'finished':
      return 'Auto-play finished: the flow is complete.';
    default:
      return (
        stoppedNotice?.(watched.context, stepNumber) ??
        `Stopped at ${step}: it failed. The error is shown below; fix it or retry, then press Play.`
      );
  }
}

/**
 * The autopilot drives a walkthrough by sending it NEXT (see ./autopilot.ts for its plans and moves): it
 * watches the walkthrough, decides once on each of its moves, sends NEXT at the pace, and ends where a
 * person must act, where it landed, at the end or at a failure. Keeping the plan across the trip to the
 * authorization server and the unattended visit are the page's (`keepPlan`, `forgetPlan`, `visit`).
 */
export const autopilotMachine = setup({
  types,
  actors: {
    watch: fromCallback<AutopilotEvent, { walkthrough: WalkthroughActor; grant: GrantDefinition }>(
      ({ input, sendBack }) => {
        const tell = (snapshot: SnapshotFrom<WalkthroughMachine>) =>
          sendBack({ type: 'WALKTHROUGH', watched: watchedOf(snapshot, input.grant) });
        // The walkthrough as it is now (the page may have handed it the callback since), then each move.
        tell(input.walkthrough.getSnapshot());
        const subscription = input.walkthrough.subscribe(tell);
        return () => subscription.unsubscribe();
      },
    ),
  },
  actions: {
    // The page provides these three: they keep the plan in this tab's storage and leave for the visit.
    keepPlan: (_args, plan: AutopilotPlan | undefined) => {
      throw new Error(`the page provides keepPlan (${JSON.stringify(plan)})`);
    },
    forgetPlan: () => {
      throw new Error('the page provides forgetPlan');
    },
    visit: (_args, visit: Visit) => {
      throw new Error(`the page provides visit (to ${visit.url})`);
    },
    note: assign((_args, watched: Watched) => ({ watched })),
    play: assign(({ context }, paceMs: number) => ({
      // Pressing Play at the device step means the person has acted: carry on from there.
      plan: { paceMs, passed: context.watched.view.stepIndex },
      notice: `Playing, one step every ${paceMs / 1000} s. It pauses where a person must act.`,
    })),
    setPace: assign(({ context }, paceMs: number) => ({
      plan: context.plan ? { ...context.plan, paceMs } : context.plan,
    })),
    decide: assign(({ context }) => ({
      decidedAt: context.watched.position,
      move: context.plan ? nextMove(context.plan, context.watched.view) : undefined,
    })),
    passPersonStep: assign(({ context }) => ({
      plan: context.plan ? { ...context.plan, passed: context.watched.view.stepIndex } : context.plan,
    })),
    end: assign((_args, notice: string) => ({ plan: undefined, move: undefined, notice })),
    sendNext: sendTo(({ context }) => context.walkthrough, { type: 'NEXT' }),
  },
  guards: {
    hasPlan: ({ context }) => context.plan !== undefined,
    isPlaying: ({ context }) => context.plan?.paceMs !== undefined,
    moved: ({ context }, watched: Watched) =>
      !context.decidedAt || !samePosition(context.decidedAt, watched.position),
    moveIs: ({ context }, kind: AutopilotMove['kind']) => context.move?.kind === kind,
  },
  delays: {
    pace: ({ context }) => (context.move?.kind === 'next' ? context.move.delayMs : 0),
  },
}).createMachine({
  id: 'autopilot',
  context: ({ input }) => ({
    walkthrough: input.walkthrough,
    grant: input.grant,
    stoppedNotice: input.stoppedNotice,
    plan: input.plan,
    notice: input.plan?.target !== undefined ? replayNotice(input.plan.target) : '',
    watched: watchedOf(input.walkthrough.getSnapshot(), input.grant),
  }),
  invoke: {
    src: 'watch',
    input: ({ context }) => ({ walkthrough: context.walkthrough, grant: context.grant }),
  },
  initial: 'starting',
  on: {
    WALKTHROUGH: { actions: { type: 'note', params: ({ event }) => event.watched } },
    PLAY: {
      target: '.running',
      reenter: true,
      actions: { type: 'play', params: ({ event }) => event.paceMs },
    },
  },
  states: {
    starting: {
      always: [{ guard: 'hasPlan', target: 'running' }, { target: 'idle' }],
    },
    idle: {},
    running: {
      entry: { type: 'keepPlan', params: ({ context }) => context.plan },
      on: {
        STOP: { target: 'idle', actions: [{ type: 'end', params: 'Auto-play paused.' }, 'forgetPlan'] },
        SET_PACE: {
          guard: 'isPlaying',
          target: 'running',
          reenter: true,
          actions: { type: 'setPace', params: ({ event }) => event.paceMs },
        },
      },
      initial: 'starting',
      states: {
        // The first decision comes once the page has handed the walkthrough what it brought back.
        starting: { after: { 0: 'deciding' } },
        deciding: {
          entry: 'decide',
          always: [
            { guard: { type: 'moveIs', params: 'next' }, target: 'pacing' },
            { guard: { type: 'moveIs', params: 'wait' }, target: 'watching' },
            { guard: { type: 'moveIs', params: 'visit' }, target: 'visiting' },
            {
              target: '#autopilot.idle',
              actions: [{ type: 'end', params: ({ context }) => endNotice(context) }, 'forgetPlan'],
            },
          ],
        },
        pacing: {
          after: { pace: { target: 'watching', actions: 'sendNext' } },
          on: {
            WALKTHROUGH: {
              guard: { type: 'moved', params: ({ event }) => event.watched },
              target: 'deciding',
              actions: { type: 'note', params: ({ event }) => event.watched },
            },
          },
        },
        watching: {
          on: {
            WALKTHROUGH: {
              guard: { type: 'moved', params: ({ event }) => event.watched },
              target: 'deciding',
              actions: { type: 'note', params: ({ event }) => event.watched },
            },
          },
        },
        // This tab leaves for the verification page; the plan it keeps passes the person step on return.
        visiting: {
          entry: [
            'passPersonStep',
            { type: 'keepPlan', params: ({ context }) => context.plan },
            {
              type: 'visit',
              params: ({ context }) => {
                const { values, runId } = context.watched.context;
                return {
                  url: values.verification_uri_complete ?? values.verification_uri ?? '/',
                  login: context.plan?.login,
                  runId,
                };
              },
            },
          ],
        },
      },
    },
  },
});

export type AutopilotMachine = typeof autopilotMachine;
export type AutopilotActor = ActorRefFrom<AutopilotMachine>;
