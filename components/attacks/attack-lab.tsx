'use client';

import type { ReactNode } from 'react';
import type { WalkthroughLoad } from '../walkthrough/walkthrough-setup';
import { WalkthroughLoader } from '../walkthrough/walkthrough-loader';

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
  return (
    <WalkthroughLoader
      slug={slug}
      origin={origin}
      pagePath={`/attacks/${slug}`}
      title={title}
      intro={intro}
      load={loadAttackLab}
    />
  );
}

/** The scenario's walkthrough with the lab's rules and panel, loaded after the page's first paint. */
const loadAttackLab: WalkthroughLoad = async (slug) =>
  (await import('./attack-lab-walkthrough')).loadAttackLab(slug);
