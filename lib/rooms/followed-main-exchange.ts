import { mainExchangeSeq } from '../diagram/main-exchange';
import type { GrantDefinition, StepAction, WalkthroughContext } from '../walkthrough/types';
import type { RoomView } from './room-view';
import { tokenSet } from '../walkthrough/response-bodies';

/**
 * The main exchange of the step the instructor is on, as a follower's diagram highlights it: the same
 * derivation as the walkthrough's (lib/diagram/main-exchange.ts), from what the room carries. The room
 * has the step, the run's newest exchanges and the masked values, not the instructor's history: the
 * steps before this one stand for it, with the grant's defaults. The step counts as taken unless the
 * instructor's card is still waiting for "Next step".
 */
export function followedMainExchange(
  grant: Pick<GrantDefinition, 'slug' | 'defaults' | 'steps'>,
  stepIndex: number,
  view: Pick<RoomView, 'exchanges' | 'values' | 'tokens' | 'outcome'>,
): number | undefined {
  const newest = view.exchanges.at(-1);
  if (!newest) return undefined;
  const origin = new URL(newest.request.url).origin;
  const actionAt = (index: number): StepAction | undefined => {
    const context: WalkthroughContext = {
      slug: grant.slug,
      origin,
      stepIndex: index,
      params: { ...grant.defaults },
      values: view.values,
      tokens: tokenSet.parse(view.tokens),
      polls: [],
      startSeq: 0,
      runId: '',
    };
    try {
      return grant.steps[index]?.action(context);
    } catch {
      // A step whose request needs a value the room masked or never had: it cannot be matched.
      return undefined;
    }
  };
  const past = grant.steps.slice(0, stepIndex).flatMap((_, index) => actionAt(index) ?? []);
  const action = actionAt(stepIndex);
  const taken = view.outcome?.phase.kind !== 'ready' || action?.kind === 'callback';
  return mainExchangeSeq(past, action && { action, taken }, view.exchanges, origin);
}
