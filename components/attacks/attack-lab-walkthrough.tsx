import {
  defensesFromLink,
  defensesOnForLink,
  restartWithSameDefenses,
  stoppedNotice,
} from '@/lib/attacks/defenses';
import type { AttackScenario } from '@/lib/attacks/types';
import { loadAttackWalkthrough } from '@/machines/walkthroughs';
import type { PageWalkthrough, RunRules } from '../walkthrough/walkthrough-setup';
import { AttackPanel } from './attack-panel';

/** The scenario's walkthrough (its own steps only), with the lab's rules and panel. */
export async function loadAttackLab(slug: string): Promise<PageWalkthrough | undefined> {
  const walkthrough = await loadAttackWalkthrough(slug);
  if (!walkthrough) return undefined;
  const attack = walkthrough.grant;
  return {
    ...walkthrough,
    rules: rulesOf(attack),
    extras: (view) => <AttackPanel attack={attack} {...view} />,
  };
}

/** Restart keeps the learner's defenses; a refusal that blocked the attack is not "a failure" to auto-play. */
function rulesOf(attack: AttackScenario): RunRules {
  return {
    restartWith: (context) => restartWithSameDefenses(attack, context),
    stoppedNotice: (context, stepNumber) => stoppedNotice(attack.verdict(context), stepNumber),
    // A link to a step carries the defenses that are on, and opens with them.
    linkParams: (context) => defensesOnForLink(attack, context),
    linkNames: attack.defenses.map((defense) => defense.param),
    fromLink: (linked) => defensesFromLink(attack, linked),
  };
}
