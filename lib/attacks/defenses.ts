import type { WalkthroughContext } from '../walkthrough/types';
import type { AttackScenario, Verdict } from './types';

/** Each defense's switch in this run: `on` or `off` (off unless the run says otherwise). */
export const switchesOf = (
  attack: Pick<AttackScenario, 'defenses'>,
  params: Record<string, string>,
): Record<string, string> =>
  Object.fromEntries(attack.defenses.map((defense) => [defense.param, params[defense.param] ?? 'off']));

/**
 * A fresh run's starting parameters for these switches: each defense's position, and what the defense
 * also sets when a run starts (a new state bound to this session, say). Fresh values each call.
 */
export const startingValues = (
  attack: Pick<AttackScenario, 'defenses'>,
  switches: Record<string, string>,
): Record<string, string> =>
  Object.assign(
    { ...switches },
    ...attack.defenses.map((defense) => defense.alsoSets?.(switches[defense.param] === 'on') ?? {}),
  );

/** A restart keeps the defenses the learner chose: the run starts again with the same switches. */
export const restartWithSameDefenses = (
  attack: Pick<AttackScenario, 'defenses'>,
  context: WalkthroughContext,
) => startingValues(attack, switchesOf(attack, context.params));

/**
 * What auto-play says when the run stopped at a refused step. A refusal that is the attack's verdict is
 * the defense working, not a failure of the run: say so, and point to the outcome.
 */
export function stoppedNotice(verdict: Verdict | undefined, stepNumber: number): string | undefined {
  if (verdict?.outcome === 'blocked')
    return `Stopped at step ${stepNumber}: ${verdict.by} refused, as the defense should. The outcome says how.`;
  return undefined;
}

/** What a link to a step carries: the defenses that are on (off is every run's default). */
export const defensesOnForLink = (attack: Pick<AttackScenario, 'defenses'>, context: WalkthroughContext) =>
  Object.fromEntries(
    Object.entries(switchesOf(attack, context.params)).filter(([, position]) => position === 'on'),
  );

/** A fresh run's parameters from a link's defenses: `on` turns one on, anything else leaves it off. */
export const defensesFromLink = (attack: Pick<AttackScenario, 'defenses'>, linked: Record<string, string>) =>
  startingValues(
    attack,
    Object.fromEntries(
      attack.defenses.map((defense) => [defense.param, linked[defense.param] === 'on' ? 'on' : 'off']),
    ),
  );
