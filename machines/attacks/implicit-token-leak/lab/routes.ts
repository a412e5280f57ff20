import 'server-only';
import { readEnv } from '../../../../lib/config/env';
import type { LabRoutes } from '../../../../lib/attacks/lab-route';
import { receivedByAttacker } from '../../../../lib/attacks/received';
import { implicitAppCallback, implicitAppSignIn } from './open-redirect-client';
import { receiveCaughtToken, tokenCatcherPage, tokenCatcherScript } from './token-catcher';

export const IMPLICIT_TOKEN_LEAK_ROUTES: LabRoutes = {
  // DELIBERATELY VULNERABLE, lab only: the implicit app's redirect URI, an open redirector.
  '/attacks/implicit-app/callback': { GET: (request) => implicitAppCallback(request, readEnv()) },
  // DELIBERATELY VULNERABLE, lab only: the implicit app's sign-in link, which keeps any return_to.
  '/attacks/implicit-app/sign-in': { GET: (request) => implicitAppSignIn(request, readEnv()) },
  // The page an open redirect sends the victim to (it reads the fragment), and its script.
  '/attacks/attacker/token-catcher': { GET: receivedByAttacker('client', () => tokenCatcherPage()) },
  '/attacks/attacker/token-catcher/script': { GET: () => tokenCatcherScript() },
  // Where that page posts the token it read.
  '/api/attacker/token-catcher': { POST: receivedByAttacker('client', receiveCaughtToken) },
};
