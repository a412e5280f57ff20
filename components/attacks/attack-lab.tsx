'use client';

import { useMemo, type ReactNode } from 'react';
import {
  defensesFromLink,
  defensesOnForLink,
  restartWithSameDefenses,
  stoppedNotice,
} from '@/lib/attacks/defenses';
import { attackWalkthroughBySlug } from '@/machines/attacks';
import { attackBySlug } from '@/machines/attacks/registry';
import type { RunRules } from '../walkthrough/walkthrough';
import { WalkthroughLoader } from '../walkthrough/walkthrough-loader';
import { AttackPanel } from './attack-panel';

/** An attack's page: its walkthrough, with the lab's panel (defenses, run, outcome, loot) above the steps. */
export function AttackLab({
  slug,
  origin,
  title,
  intro,
}: {
  slug: string;
  origin: string;
  title: ReactNode;
  intro: ReactNode;
}) {
  const attack = attackBySlug(slug)!;
  // Restart keeps the learner's defenses; a refusal that blocked the attack is not "a failure" to auto-play.
  const rules = useMemo<RunRules>(
    () => ({
      restartWith: (context) => restartWithSameDefenses(attack, context),
      stoppedNotice: (context, stepNumber) => stoppedNotice(attack.verdict(context), stepNumber),
      // A link to a step carries the defenses that are on, and opens with them.
      linkParams: (context) => defensesOnForLink(attack, context),
      linkNames: attack.defenses.map((defense) => defense.param),
      fromLink: (linked) => defensesFromLink(attack, linked),
    }),
    [attack],
  );
  return (
    <WalkthroughLoader
      slug={slug}
      origin={origin}
      pagePath={`/attacks/${slug}`}
      title={title}
      intro={intro}
      extras={(view) => <AttackPanel attack={attack} {...view} />}
      rules={rules}
      lookup={attackWalkthroughBySlug}
    />
  );
}
