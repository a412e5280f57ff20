'use client';

import dynamic from 'next/dynamic';
import type { StepExhibit as Exhibit } from '@/lib/walkthrough/types';
import { AuthorizationUrlsView } from './authorization-urls-view';
import { ClientAssertionView } from './client-assertion-view';

// Only the DPoP walkthrough shows a proof: the other grant pages do not download its view.
const DpopProofView = dynamic(() => import('./dpop-proof-view').then((module) => module.DpopProofView));

/** What a step shows beside its request (StepDefinition.exhibit). */
export function StepExhibit({ exhibit }: { exhibit: Exhibit | undefined }) {
  if (!exhibit) return null;
  if (exhibit.kind === 'authorization-urls')
    return <AuthorizationUrlsView classic={exhibit.classic} pushed={exhibit.pushed} />;
  if (exhibit.kind === 'dpop-proof') return <DpopProofView exhibit={exhibit} />;
  return (
    <ClientAssertionView
      jwt={exhibit.jwt}
      registeredJwks={exhibit.registeredJwks}
      sentBefore={exhibit.sentBefore}
    />
  );
}
