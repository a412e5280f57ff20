import 'server-only';
import { readEnv } from '../../../../lib/config/env';
import type { LabRoutes } from '../../../../lib/attacks/lab-route';
import { bodyLimited } from '../../../../lib/http/body-limit';
import { TOKEN_WITHOUT_DOWNGRADE_CHECK } from '../weak-token-endpoint';
import { labTokenWithoutDowngradeCheck } from './pkce-downgrade';

export const PKCE_DOWNGRADE_ROUTES: LabRoutes = {
  // DELIBERATELY VULNERABLE, attack lab only: a token endpoint that ignores a code_verifier sent for a
  // code issued without a code_challenge (the PKCE downgrade of RFC 9700 §4.8.2), for the lab's one client.
  [TOKEN_WITHOUT_DOWNGRADE_CHECK]: {
    POST: bodyLimited(async (request: Request) => labTokenWithoutDowngradeCheck(request, readEnv())),
  },
};
