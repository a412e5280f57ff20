import type { AttackScenario, ComingAttack } from '../../lib/attacks/types';
import { authorizationCodeInterception } from './authorization-code-interception/steps';
import { csrfMissingState } from './csrf-missing-state/steps';
import { implicitTokenLeak } from './implicit-token-leak/steps';
import { jwtAlgorithmConfusion } from './jwt-algorithm-confusion/steps';
import { mixUp } from './mix-up/steps';
import { refreshTokenReplay } from './refresh-token-replay/steps';

/**
 * The attack lab's scenarios, in the order the index lists them. Each is one folder in machines/attacks/
 * and one line here; like machines/registry.ts it holds data only (no XState), so that lib/ (the lab's
 * clients on the authorization server) and pages may read it.
 */
export const ATTACKS: readonly AttackScenario[] = [
  refreshTokenReplay,
  csrfMissingState,
  authorizationCodeInterception,
  jwtAlgorithmConfusion,
  mixUp,
  implicitTokenLeak,
];

/** The scenarios of issue 15 not built yet: the index lists them as coming, without a link. */
export const COMING_ATTACKS: readonly ComingAttack[] = [
  { slug: 'pkce-downgrade', name: 'PKCE downgrade', defense: 'refusing a code_verifier without a challenge' },
  {
    slug: 'redirect-uri-manipulation',
    name: 'Redirect URI manipulation',
    defense: 'exact redirect URI matching',
  },
  { slug: 'bearer-token-replay', name: 'Bearer token replay', defense: 'DPoP sender-constrained tokens' },
];

export const attackBySlug = (slug: string) => ATTACKS.find((attack) => attack.slug === slug);
