import type { GrantDefinition, WalkthroughContext } from './types';

/**
 * A run's context with nothing in it yet (the grant's default parameters, no values, no tokens), to
 * ask a step what it would send without running it: which grant types, parties and endpoints a grant
 * uses is read from its steps' actions, not written beside them.
 */
export const probeContext = (
  grant: Pick<GrantDefinition, 'slug' | 'defaults'>,
  stepIndex: number,
  origin = 'http://playground.invalid',
): WalkthroughContext => ({
  slug: grant.slug,
  origin,
  stepIndex,
  params: { ...grant.defaults },
  values: {},
  tokens: {},
  polls: [],
  startSeq: 0,
  runId: '',
});
