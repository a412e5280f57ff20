'use client';

import type { ReactNode } from 'react';
import { attackWalkthroughBySlug } from '@/machines/attacks';
import { attackBySlug } from '@/machines/attacks/registry';
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
  return (
    <WalkthroughLoader
      slug={slug}
      origin={origin}
      pagePath={`/attacks/${slug}`}
      title={title}
      intro={intro}
      extras={(view) => <AttackPanel attack={attack} {...view} />}
      lookup={attackWalkthroughBySlug}
    />
  );
}
