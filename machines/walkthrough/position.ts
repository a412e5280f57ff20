import type { SnapshotFrom } from 'xstate';
import type { WalkthroughMachine } from './create-walkthrough-machine';

/** Where a walkthrough is: a new step, state or poll is a move of the walkthrough. */
export type WalkthroughPosition = { stepIndex: number; state: string; polls: number };

export const positionOf = (snapshot: SnapshotFrom<WalkthroughMachine>): WalkthroughPosition => ({
  stepIndex: snapshot.context.stepIndex,
  state: String(snapshot.value),
  polls: snapshot.context.polls.length,
});

export const samePosition = (a: WalkthroughPosition, b: WalkthroughPosition) =>
  a.stepIndex === b.stepIndex && a.state === b.state && a.polls === b.polls;

/** The position as the step card shows it to scripts (`data-progress`): step index, state, polls. */
export const positionLabel = ({ stepIndex, state, polls }: WalkthroughPosition) =>
  `${stepIndex}:${state}:${polls}`;
