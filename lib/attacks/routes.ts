import { readEnv } from '../config/env';
import { bodyLimited } from '../http/body-limit';
import {
  callApiAsVictim,
  forgedCallback,
  obtainAttackerCode,
  redeemCaughtCode,
  replayRefreshToken,
} from './attacker';
import { attackerLimited } from './attacker-rate-limit';
import { receiveLoot, showLoot } from './exfiltration';
import type { LabRoutes } from './lab-route';
import { receivedByAttacker } from './received';

/** A POST of the attacker's server that sends requests of its own: rate-limited, its body bounded. */
export const attackerAction = (action: (request: Request) => Promise<Response>) =>
  attackerLimited(bodyLimited(action));

/** The attacker's server that every scenario shares (./attacker.ts), under /api/attacker. */
export const SHARED_ATTACKER_ROUTES: LabRoutes = {
  // Receives and shows stolen tokens.
  '/api/attacker/loot': { POST: receivedByAttacker('client', receiveLoot), GET: showLoot },
  '/api/attacker/forged-callback': {
    GET: receivedByAttacker('client', (request: Request) => forgedCallback(request, readEnv())),
  },
  '/api/attacker/authorization-code': {
    POST: attackerAction((request) => obtainAttackerCode(request, readEnv())),
  },
  '/api/attacker/call-api': { POST: attackerAction((request) => callApiAsVictim(request, readEnv())) },
  '/api/attacker/redeem-code': { POST: attackerAction((request) => redeemCaughtCode(request, readEnv())) },
  '/api/attacker/refresh-token-replay': {
    POST: attackerAction((request) => replayRefreshToken(request, readEnv())),
  },
};
