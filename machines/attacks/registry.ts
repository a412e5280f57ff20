import type { AttackScenario } from '../../lib/attacks/types';
import { authorizationCodeInterception } from './authorization-code-interception/steps';
import { bearerTokenReplay } from './bearer-token-replay/steps';
import { csrfMissingState } from './csrf-missing-state/steps';
import { implicitTokenLeak } from './implicit-token-leak/steps';
import { jwtAlgorithmConfusion } from './jwt-algorithm-confusion/steps';
import { pkceDowngrade } from './pkce-downgrade/steps';
import { redirectUriManipulation } from './redirect-uri-manipulation/steps';
import { mixUp } from './mix-up/steps';
import { refreshTokenReplay } from './refresh-token-replay/steps';

/**
 * The attack lab's scenarios, in the order the index lists them (the README's table). Each is one folder in machines/attacks/
 * and one line here; like machines/registry.ts it holds data only (no XState), so that lib/ (the lab's
 * clients on the authorization server) and pages may read it.
 */
export const ATTACKS: readonly AttackScenario[] = [
  csrfMissingState,
  authorizationCodeInterception,
  pkceDowngrade,
  redirectUriManipulation,
  refreshTokenReplay,
  mixUp,
  implicitTokenLeak,
  jwtAlgorithmConfusion,
  bearerTokenReplay,
];

export const attackBySlug = (slug: string) => ATTACKS.find((attack) => attack.slug === slug);
