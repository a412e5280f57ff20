import 'server-only';
import type { LabRoutes } from '../../../../lib/attacks/lab-route';
import { labResourceServer } from './lab-resource-server';

export const JWT_ALGORITHM_CONFUSION_ROUTES: LabRoutes = {
  // The defense (RFC 8725 §3.1): ES256 only, the issuer's keys, the issuer and the audience.
  '/attacks/resource-server/pinned': { GET: labResourceServer('pinned') },
  // DELIBERATELY VULNERABLE, attack lab only: trusts the token's own alg header, `none` included.
  '/attacks/resource-server/trusting-alg': { GET: labResourceServer('trusts-alg') },
};
