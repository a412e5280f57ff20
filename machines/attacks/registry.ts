import type { AttackScenario, ComingAttack } from '../../lib/attacks/types';
import { authorizationCodeInterception } from './authorization-code-interception/steps';
import { bearerTokenReplay } from './bearer-token-replay/steps';
import { csrfMissingState } from './csrf-missing-state/steps';
import { jwtAlgorithmConfusion } from './jwt-algorithm-confusion/steps';
import { pkceDowngrade } from './pkce-downgrade/steps';
import { redirectUriManipulation } from './redirect-uri-manipulation/steps';
import { refreshTokenReplay } from './refresh-token-replay/steps';

/**
 * The attack lab's scenarios, in the order the index lists them (issue 15's table). Each is one folder in machines/attacks/
 * and one line here; like machines/registry.ts it holds data only (no XState), so that lib/ (the lab's
 * clients on the authorization server) and pages may read it.
 */
export const ATTACKS: readonly AttackScenario[] = [
  csrfMissingState,
  authorizationCodeInterception,
  pkceDowngrade,
  redirectUriManipulation,
  refreshTokenReplay,
  jwtAlgorithmConfusion,
  bearerTokenReplay,
];

/** The scenarios of issue 15 not built yet: the index lists them as coming, without a link. */
export const COMING_ATTACKS: readonly ComingAttack[] = [
  { slug: 'mix-up', name: 'Mix-up between authorization servers', defense: 'checking iss (RFC 9207)' },
  {
    slug: 'implicit-token-leak',
    name: 'Implicit flow token leak',
    defense: 'code flow with PKCE, Referrer-Policy',
  },
];

export const attackBySlug = (slug: string) => ATTACKS.find((attack) => attack.slug === slug);
