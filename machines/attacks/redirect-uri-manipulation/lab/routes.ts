import 'server-only';
import { readEnv } from '../../../../lib/config/env';
import type { LabRoutes } from '../../../../lib/attacks/lab-route';
import { receivedByAttacker } from '../../../../lib/attacks/received';
import { attackerAction } from '../../../../lib/attacks/routes';
import { catchRedirectedCode, tryAttackerLink } from './redirect-uri-manipulation';

export const REDIRECT_URI_MANIPULATION_ROUTES: LabRoutes = {
  // The attacker's page a loosely matched redirect_uri resolves to.
  '/api/attacker/catch': {
    GET: receivedByAttacker('client', (request: Request) => catchRedirectedCode(request, readEnv())),
  },
  '/api/attacker/try-link': { POST: attackerAction((request) => tryAttackerLink(request, readEnv())) },
};
