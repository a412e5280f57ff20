import { readOnlyForBob } from './read-only-for-bob/challenge';
import { forgedCallback } from './forged-callback/challenge';
import { deviceOnAnotherScreen } from './device-on-another-screen/challenge';
import { narrowerTokenForAgent } from './narrower-token-for-agent/challenge';
import { leakedBearerToken } from './leaked-bearer-token/challenge';
import { pushedRequest } from './pushed-request/challenge';
import { readAToken } from './read-a-token/challenge';
import { refreshTokenReuse } from './refresh-token-reuse/challenge';
import { replayedCode } from './replayed-code/challenge';
import { requestByHand } from './request-by-hand/challenge';
import { stolenDpopToken } from './stolen-dpop-token/challenge';
import { stolenCode } from './stolen-code/challenge';
import type { Challenge } from './types';

/**
 * The challenges, in the order /challenges lists them. Each is one folder in lib/challenges/ (its text
 * and its grader, with the grader's tests) and one line here.
 */
export const CHALLENGES: readonly Challenge[] = [
  readOnlyForBob,
  replayedCode,
  refreshTokenReuse,
  deviceOnAnotherScreen,
  requestByHand,
  readAToken,
  stolenCode,
  forgedCallback,
  leakedBearerToken,
  pushedRequest,
  stolenDpopToken,
  narrowerTokenForAgent,
];

export const challengeBySlug = (slug: string) => CHALLENGES.find((challenge) => challenge.slug === slug);
