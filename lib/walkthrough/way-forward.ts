import type { OAuthError } from './types';

/**
 * What a refused step offers next, so that the learner is never shown a button that can only fail again:
 * - `retry`: "Try again", the same step with its parameters open to change (a wrong password, a denied
 *   consent, a request that did not reach the server);
 * - `new-code`: "Get a new code", the authorization request again. A refused code stays refused: it
 *   expired, was redeemed, or is bound to another code_challenge (RFC 6749 §4.1.2, RFC 7636 §4.6);
 * - `choose-s256`: "Back to choose S256", the authorization request's code_challenge_method, when the
 *   server supports S256 only and `plain` was sent (RFC 7636 §4.2, §4.4.1).
 */
export type WayForward = 'retry' | 'new-code' | 'choose-s256';

export type RefusedStep = {
  error: OAuthError;
  /** The step sends an authorization code to the token endpoint. */
  redeemsCode: boolean;
  /** The code_challenge_method the run's authorization request sent, if any. */
  codeChallengeMethod?: string;
};

export function wayForward({ error, redeemsCode, codeChallengeMethod }: RefusedStep): WayForward {
  if (
    codeChallengeMethod === 'plain' &&
    error.error === 'invalid_request' &&
    /code_challenge/.test(error.error_description ?? '')
  )
    return 'choose-s256';
  if (redeemsCode && error.error === 'invalid_grant') return 'new-code';
  return 'retry';
}

/** The button's exact name for each way forward. */
export const WAY_FORWARD_LABEL: Record<WayForward, string> = {
  retry: 'Try again',
  'new-code': 'Get a new code',
  'choose-s256': 'Back to choose S256',
};
