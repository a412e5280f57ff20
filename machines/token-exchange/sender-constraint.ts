import { tokenOutcome } from '../walkthrough/common-steps';
import { nonceAskedFor } from '../dpop/proof';
import type {
  ExchangeResult,
  ParamSpec,
  RequestSpec,
  StepOutcome,
  WalkthroughContext,
} from '../../lib/walkthrough/types';

/**
 * The token exchange with a DPoP-bound subject token (RFC 9449), as an option: the chat app binds alice's
 * token to the run's key (the one the DPoP walkthrough makes, non-extractable, in this browser), the
 * exchange carries a proof by that key, and the exchanged token stays bound to it. Bearer is the default,
 * and with it every request is exactly what it is without this option.
 */
export const SENDER_CONSTRAINT: ParamSpec = {
  name: 'sender_constraint',
  label: 'Sender constraint',
  help: 'Bearer: whoever holds alice’s token can use it. DPoP: the chat app binds it to this browser’s key (RFC 9449), and the exchange must keep the binding.',
  options: ['Bearer', 'DPoP'],
};

export const isBound = (context: WalkthroughContext) => context.params.sender_constraint === 'DPoP';

/**
 * The chat app's proof for its token request (RFC 9449 §5), with the nonce the server asked for when the
 * last answer to this very step was use_dpop_nonce (§8): the step sends the request once more with it.
 */
export function subjectTokenProof(context: WalkthroughContext): Pick<RequestSpec, 'dpop'> {
  if (!isBound(context)) return {};
  const nonce = context.lastResult ? nonceAskedFor(context.lastResult) : undefined;
  return { dpop: nonce ? { nonce } : {} };
}

/** The assistant's proof for the exchange: signed with the key the subject token is bound to. */
export const exchangeProof = (context: WalkthroughContext): Pick<RequestSpec, 'dpop'> =>
  isBound(context) ? { dpop: {} } : {};

/** RFC 9449 §7.1: a bound token goes with the DPoP scheme and a proof whose ath is its hash. */
export function presentToken(context: WalkthroughContext): Pick<RequestSpec, 'headers' | 'dpop'> {
  const token = context.tokens.access_token ?? '';
  return isBound(context)
    ? { headers: { authorization: `DPoP ${token}` }, dpop: { accessToken: token } }
    : { headers: { authorization: `Bearer ${token}` } };
}

/** The proof the browser signed for this request, shown decoded in Tokens. */
export const proofShown = (result: ExchangeResult) =>
  result.dpopProof ? { dpop_proof: result.dpopProof } : {};

/** The chat app's token response: alice's token becomes the subject token (DPoP-bound when chosen). */
export function subjectTokenOutcome(context: WalkthroughContext, result: ExchangeResult): StepOutcome {
  const nonce = isBound(context) ? nonceAskedFor(result) : undefined;
  // Asked for a nonce: the same request again at once, with it (the action reads it from this answer).
  if (nonce)
    return {
      kind: 'pending',
      intervalSeconds: 0,
      error: { error: 'use_dpop_nonce', error_description: 'the server asked for its DPoP nonce' },
    };
  const outcome = tokenOutcome(result);
  if (outcome.kind !== 'succeeded') return outcome;
  return {
    kind: 'succeeded',
    tokens: { subject_token: outcome.tokens?.access_token, ...proofShown(result) },
  };
}
