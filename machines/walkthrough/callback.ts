import type {
  CallbackResult,
  OAuthError,
  StepDefinition,
  WalkthroughContext,
} from '../../lib/walkthrough/types';
import { jwtPayload } from '../../lib/tokens/jwt-parts';
import { missedRefusal } from './refusal';

/** A JWT's payload, read without verifying it (the token inspector verifies signatures). */
export { jwtPayload };

/** Reads what the authorization server sent back to the redirect URI, from the query or the fragment. */
export function parseCallback(url: string): CallbackResult {
  const parsed = new URL(url);
  const fromFragment = parsed.hash.length > 1;
  const source = fromFragment ? new URLSearchParams(parsed.hash.slice(1)) : parsed.searchParams;
  return { url, params: Object.fromEntries(source), in: fromFragment ? 'fragment' : 'query' };
}

/**
 * The checks a client must make when the browser comes back (RFC 6749 section 10.12 for `state`,
 * RFC 9207 for `iss`, OpenID Connect Core 3.2.2.11 for `nonce`). Answers the first failure.
 */
export function validateCallback(
  context: WalkthroughContext,
  callback: CallbackResult,
): OAuthError | undefined {
  // The issuer to expect in `iss`: the playground's, or (for another server) what its metadata says,
  // empty when that server does not promise an `iss` (RFC 9207 section 2.4: then it is not checked).
  const issuer = context.values.expected_issuer ?? `${context.origin}/oidc`;
  const { params } = callback;
  const sentState = context.params.state ?? context.values.state ?? '';
  const sentNonce = context.params.nonce ?? context.values.nonce;
  const mismatch = stateMismatch(sentState, params.state ?? '');
  if (mismatch) return { error: 'state_mismatch', error_description: mismatch };
  if (params.iss !== undefined && issuer !== '' && params.iss !== issuer) {
    return {
      error: 'issuer_mismatch',
      error_description: `The response names issuer ${params.iss}, not ${issuer} (RFC 9207 mix-up defence).`,
    };
  }
  if (params.error) return { error: params.error, error_description: params.error_description };
  if (params.id_token) {
    const claims = jwtPayload(params.id_token);
    if (claims?.nonce !== sentNonce) {
      return {
        error: 'nonce_mismatch',
        error_description:
          'The ID token’s nonce is not the one this client sent: a replayed or injected token.',
      };
    }
  }
  return undefined;
}

/**
 * RFC 6749 §10.12: the state that comes back must be the one the client sent. A client that sent none has
 * nothing to compare (and was warned before the redirect); one that sent one must get exactly it back.
 */
function stateMismatch(sent: string, received: string): string | undefined {
  if (sent === received) return undefined;
  const refusal = 'The response may be forged (CSRF), so the client refuses it and exchanges nothing.';
  if (!sent) return `This client sent no state, yet the response carries state ${received}. ${refusal}`;
  if (!received) return `This client sent state ${sent}, but the response carries none. ${refusal}`;
  return `The state that came back (${received}) is not the one this client sent (${sent}). ${refusal}`;
}

/**
 * Why the client refuses what came back to the redirect URI: for a step that teaches a refusal, anything
 * but that refusal (machines/walkthrough/refusal.ts); otherwise the checks above. Nothing when accepted.
 */
export function callbackError(
  context: WalkthroughContext,
  step: StepDefinition,
  url: string,
): OAuthError | undefined {
  const callback = parseCallback(url);
  return step.refusal ? missedRefusal(step, context, callback) : validateCallback(context, callback);
}

/**
 * What an accepted callback leaves in the run. After a refusal the code redeemed earlier is no longer the
 * client's to show: only the refusal is. Otherwise the response's values, and any tokens in the fragment
 * (state and iss were checked and are not kept).
 */
export function acceptCallback(
  context: WalkthroughContext,
  step: StepDefinition,
  callback: CallbackResult,
): Pick<WalkthroughContext, 'callback' | 'values' | 'tokens'> {
  if (step.refusal) {
    const { code: _code, ...values } = context.values;
    void _code;
    return { callback, values, tokens: context.tokens };
  }
  const { state: _state, iss: _iss, ...received } = callback.params;
  void _state;
  void _iss;
  const { access_token, id_token, token_type, expires_in, scope, ...values } = received;
  return {
    callback,
    values: { ...context.values, ...values },
    tokens: {
      ...context.tokens,
      ...(access_token ? { access_token, token_type, scope, expires_in: Number(expires_in) } : {}),
      ...(id_token ? { id_token } : {}),
    },
  };
}
