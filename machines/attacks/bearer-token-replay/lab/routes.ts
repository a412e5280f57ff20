import 'server-only';
import { readEnv } from '../../../../lib/config/env';
import type { LabRoutes } from '../../../../lib/attacks/lab-route';
import { attackerAction } from '../../../../lib/attacks/routes';
import { replayLeakedAccessToken } from './bearer-token-replay';

export const BEARER_TOKEN_REPLAY_ROUTES: LabRoutes = {
  '/api/attacker/bearer-token-replay': {
    POST: attackerAction((request) => replayLeakedAccessToken(request, readEnv())),
  },
};
