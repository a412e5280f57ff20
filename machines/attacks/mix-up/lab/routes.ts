import 'server-only';
import { readEnv } from '../../../../lib/config/env';
import type { LabRoutes } from '../../../../lib/attacks/lab-route';
import { receivedByAttacker } from '../../../../lib/attacks/received';
import { attackerAction } from '../../../../lib/attacks/routes';
import { attackerAuthorize, attackerToken, redeemMixedUpCode } from './mix-up';

/** The attacker's malicious authorization server (its metadata is served at its own well-known route). */
export const MIX_UP_ROUTES: LabRoutes = {
  // Sends alice on to the honest server.
  '/api/attacker/as/authorize': {
    GET: receivedByAttacker('authorization-server', (request: Request) =>
      attackerAuthorize(request, readEnv()),
    ),
  },
  // Keeps the code and verifier it is sent.
  '/api/attacker/as/token': { POST: receivedByAttacker('authorization-server', attackerToken) },
  '/api/attacker/as/redeem': { POST: attackerAction((request) => redeemMixedUpCode(request, readEnv())) },
};
