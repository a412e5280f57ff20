/**
 * What the out-of-band page (`/oauth/authorize/native`) says when the authorization server sent an
 * error there instead of a code. Its address can be written by anyone and sent to a learner as a link,
 * so the page says only our own sentence for an error code RFC 6749 §4.1.2.1 defines, and never repeats
 * the address's `error_description` (or an unknown `error`): a page under the playground's name must not
 * show a stranger's text.
 */
export const OUT_OF_BAND_ERRORS: Readonly<Record<string, string>> = {
  access_denied:
    'Access was denied: the app gets no code. Return to the app and start again if that was a mistake.',
  invalid_request: 'The app’s authorization request was malformed. The app needs fixing; there is no code.',
  unauthorized_client: 'This app may not ask for a code this way.',
  unsupported_response_type: 'The app asked for a kind of answer this server does not give.',
  invalid_scope: 'The app asked for a scope it is not registered for, or one that does not exist.',
  server_error: 'The authorization server failed while handling the request. Try again.',
  temporarily_unavailable: 'The authorization server is busy. Try again in a moment.',
  login_required: 'Signing in was required and did not happen.',
  consent_required: 'Your approval was required and was not given.',
  interaction_required: 'The request needed you to sign in or approve, and could not ask.',
};

export type OutOfBandError = { error: string; text: string } | { error: undefined; text: string };

/** The sentence for an `error` from the address: ours for a known code, a neutral one otherwise. */
export function outOfBandError(error: string): OutOfBandError {
  const text = Object.hasOwn(OUT_OF_BAND_ERRORS, error) ? OUT_OF_BAND_ERRORS[error] : undefined;
  return text
    ? { error, text }
    : {
        error: undefined,
        text: 'The authorization server sent no code, and an error this page does not know.',
      };
}
