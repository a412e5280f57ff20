import type {
  DpopProofExhibit,
  ExchangeResult,
  StepAction,
  StepDefinition,
  StepOutcome,
  WalkthroughContext,
} from '../../lib/walkthrough/types';
import { errorCode, expectRefusal, responseHeader } from '../walkthrough/builders/expect-refusal';
import { tokenOutcome } from '../walkthrough/common-steps';
import { rfcSection } from '../../lib/walkthrough/rfc';
import { oauthErrorIn } from '../../lib/walkthrough/response-bodies';

export const DPOP_RFC = {
  proof: rfcSection(9449, '4'),
  tokenRequest: rfcSection(9449, '5'),
  resource: rfcSection(9449, '7.1'),
  bearer: rfcSection(9449, '7.2'),
  nonce: rfcSection(9449, '8'),
} as const;

/**
 * RFC 9449 §8: the nonce a server asked for (400 use_dpop_nonce with a DPoP-Nonce header), to sign the
 * same request again with it; undefined for any other answer.
 */
export function nonceAskedFor(result: ExchangeResult): string | undefined {
  const nonce = responseHeader(result, 'dpop-nonce');
  return result.status === 400 && errorCode(result) === 'use_dpop_nonce' && nonce ? nonce : undefined;
}

/** A resource server's refusal the step teaches (RFC 9449 §7.1): 401, the error and a DPoP challenge. */
export const refused = (error: string, ifAccepted: string) =>
  expectRefusal({
    status: 401,
    error,
    challenge: true,
    ifAccepted,
    keep: (result) => ({ tokens: result.dpopProof ? { dpop_proof: result.dpopProof } : {} }),
  });

/** An API call with the DPoP scheme and a proof made for it (or, to be refused, for another request). */
export function dpopApiCall(
  step: Pick<StepDefinition, 'id' | 'title' | 'explanation' | 'rfc' | 'outcome'>,
  method: 'GET' | 'POST',
  path: string,
  proofFor?: { htm: string; path: string },
  form?: (context: WalkthroughContext) => Record<string, string>,
): StepDefinition {
  const definition: StepDefinition = {
    ...step,
    from: 'client',
    to: 'resource-server',
    channel: 'back',
    exhibit: (context) => proofExhibit(context, definition.action(context)),
    action: (context) => ({
      kind: 'send',
      via: 'browser',
      request: {
        method,
        path,
        headers: { authorization: `DPoP ${context.tokens.access_token ?? ''}` },
        ...(form ? { form: form(context) } : {}),
        dpop: {
          accessToken: context.tokens.access_token ?? '',
          ...(proofFor ? { htm: proofFor.htm, htu: `${context.origin}${proofFor.path}` } : {}),
        },
      },
    }),
  };
  return definition;
}

/**
 * The proof this step's request carried, once it has been sent (lastResult is cleared when the run moves
 * on), with the request it went with and the bound token the run holds, to check one against the other.
 */
export function proofExhibit(context: WalkthroughContext, action: StepAction): DpopProofExhibit | undefined {
  const proof = context.lastResult?.dpopProof;
  if (!proof || action.kind !== 'send') return undefined;
  const { request } = action;
  return {
    kind: 'dpop-proof',
    proof,
    sent: {
      method: request.method,
      url: new URL(request.path, context.origin).href,
      ...(request.dpop?.accessToken ? { accessToken: request.dpop.accessToken } : {}),
    },
    ...(context.tokens.access_token ? { boundToken: context.tokens.access_token } : {}),
  };
}

export const answered = (_context: WalkthroughContext, result: ExchangeResult): StepOutcome =>
  result.status < 300
    ? { kind: 'succeeded', tokens: result.dpopProof ? { dpop_proof: result.dpopProof } : {} }
    : { kind: 'failed', error: oauthErrorIn(result) };

/** A token response with the proof the browser signed for it (shown decoded in Tokens). */
export const withProof = (outcome: StepOutcome, result: ExchangeResult): StepOutcome =>
  outcome.kind === 'succeeded' && result.dpopProof
    ? { ...outcome, tokens: { ...outcome.tokens, dpop_proof: result.dpopProof } }
    : outcome;

/**
 * A DPoP token request's answer (RFC 9449 §8): a server that wants its nonce refuses with one, kept to sign
 * the same request again; one that does not answers with the bound tokens at once.
 */
export function nonceOrTokens(_context: WalkthroughContext, result: ExchangeResult): StepOutcome {
  const nonce = nonceAskedFor(result);
  if (nonce)
    return {
      kind: 'succeeded',
      values: { dpop_nonce: nonce },
      tokens: result.dpopProof ? { dpop_proof: result.dpopProof } : {},
    };
  return withProof(tokenOutcome(result), result);
}
