import 'server-only';
import type { LabRoutes } from '../../lib/attacks/lab-route';
import { SHARED_ATTACKER_ROUTES } from '../../lib/attacks/routes';
import { BEARER_TOKEN_REPLAY_ROUTES } from './bearer-token-replay/lab/routes';
import { IMPLICIT_TOKEN_LEAK_ROUTES } from './implicit-token-leak/lab/routes';
import { JWT_ALGORITHM_CONFUSION_ROUTES } from './jwt-algorithm-confusion/lab/routes';
import { MIX_UP_ROUTES } from './mix-up/lab/routes';
import { PKCE_DOWNGRADE_ROUTES } from './pkce-downgrade/lab/routes';
import { REDIRECT_URI_MANIPULATION_ROUTES } from './redirect-uri-manipulation/lab/routes';

/**
 * The attack lab's server side, by path: the attacker's shared server and each scenario's own lab
 * routes (machines/attacks/<slug>/lab/routes.ts), which app/api/attacker/[...route] and
 * app/attacks/[slug]/[...route] dispatch to. Server only: machines/attacks/registry.ts, which pages
 * load, holds data and stays free of it.
 */
export const LAB_ROUTES: LabRoutes = {
  ...SHARED_ATTACKER_ROUTES,
  ...MIX_UP_ROUTES,
  ...IMPLICIT_TOKEN_LEAK_ROUTES,
  ...JWT_ALGORITHM_CONFUSION_ROUTES,
  ...REDIRECT_URI_MANIPULATION_ROUTES,
  ...PKCE_DOWNGRADE_ROUTES,
  ...BEARER_TOKEN_REPLAY_ROUTES,
};
