'use client';

import type { RefObject } from 'react';
import type { TraceEvent } from '@/lib/trace/types';
import type { OAuthError, WalkthroughContext } from '@/lib/walkthrough/types';
import { wayForward } from '@/lib/walkthrough/way-forward';
import { CodeRefusalView } from './code-refusal-view';
import { ErrorView } from './error-view';
import type { StepFacts } from './step-facts';
import type { WalkthroughActor } from './types';

/**
 * A refused step, beside "Next step": the error verbatim, its cause where the trace tells it, and the way
 * forward that can succeed (lib/walkthrough/way-forward.ts) wired to the machine's events.
 */
export function StepRefusal({
  actor,
  error,
  context,
  facts,
  events,
  ttlSeconds,
  card,
}: {
  actor: WalkthroughActor;
  error: OAuthError;
  context: WalkthroughContext;
  facts: StepFacts;
  events: readonly TraceEvent[];
  ttlSeconds: number;
  /** The step card, where the parameter to change is found after going back. */
  card: RefObject<HTMLElement | null>;
}) {
  const way = wayForward({
    error,
    redeemsCode: facts.redeemsCode,
    codeChallengeMethod: context.params.code_challenge_method,
  });
  const takeWay = () => {
    if (way === 'new-code') return actor.send({ type: 'REAUTHORIZE' });
    actor.send({ type: 'RETRY' });
    // Back at the authorization request, the focus lands on the method to change.
    if (way === 'choose-s256')
      requestAnimationFrame(() =>
        card.current?.querySelector<HTMLElement>('[id$="-code_challenge_method"]')?.focus(),
      );
  };
  return (
    <ErrorView error={error} way={way} onWay={takeWay}>
      {facts.redeemsCode && facts.code && error.error === 'invalid_grant' ? (
        <CodeRefusalView
          events={events}
          code={facts.code}
          ttlSeconds={ttlSeconds}
          verifierChallenge={context.values.code_verifier ? context.values.code_challenge : undefined}
        />
      ) : null}
    </ErrorView>
  );
}
