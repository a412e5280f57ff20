'use client';

import type { StepExhibit as Exhibit } from '@/lib/walkthrough/types';
import { AuthorizationUrlsView } from './authorization-urls-view';
import { ClientAssertionView } from './client-assertion-view';
import { DpopProofView } from './dpop-proof-view';

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
