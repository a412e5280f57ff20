import type { ThrottleLimits, ThrottleReason } from '../http/learner-throttle';
import { tryAgainIn } from '../http/learner-throttle';

/**
 * Sign-in's use of the learner throttle (lib/http/learner-throttle.ts): it slows down password guessing
 * without letting one learner lock an account for a class. A successful sign-in clears that learner's
 * (or address's) failures for the account.
 */
export const SIGN_IN_WINDOW_MS = 10 * 60 * 1000;

/** Five wrong passwords per account per learner; 200 failures per address, every 10 minutes. */
export const SIGN_IN_LIMITS: ThrottleLimits = { perLearner: 5, perAddress: 200 };

/** The refusal names its real cause: this browser's failures, or its whole address's. */
const CAUSE: Record<ThrottleReason, string> = {
  learner: 'Too many failed sign-ins for this account from this browser.',
  address: 'Too many failed sign-ins for this account from your address.',
  ceiling: 'Too many failed sign-ins from your address, across all its users.',
};

export const throttleMessage = (verdict: { retryAfterSeconds: number; reason: ThrottleReason }) =>
  `${CAUSE[verdict.reason]} ${tryAgainIn(verdict.retryAfterSeconds)}`;
