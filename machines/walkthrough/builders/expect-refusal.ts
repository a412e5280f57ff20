import type {
  ExchangeResult,
  OAuthError,
  StepDefinition,
  StepOutcome,
  WalkthroughContext,
} from '../../../lib/walkthrough/types';
import { errorResponseOf } from '../../../lib/walkthrough/response-bodies';

/** A response header by name, whatever its case on the wire (HTTP field names are case-insensitive). */
export const responseHeader = (result: ExchangeResult, name: string) =>
  Object.entries(result.headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

/** The `error` of an OAuth error response (RFC 6749 §5.2), when the body has one. */
export const errorCode = (result: ExchangeResult): string | undefined => errorResponseOf(result.body).error;

/** The error in a response, in OAuth's wire format (RFC 6749 §5.2), with its status: shown verbatim. */
export function oauthErrorOf(result: ExchangeResult): OAuthError {
  const { error, error_description } = errorResponseOf(result.body);
  return {
    error: error ?? `HTTP ${result.status}`,
    ...(error_description !== undefined ? { error_description } : {}),
    status: result.status,
  };
}

/** What a refusal step keeps of the refusal (the proof or assertion it went with). */
type Kept = Omit<Extract<StepOutcome, { kind: 'succeeded' }>, 'kind'>;

export type ExpectedRefusal = {
  /** The status the refusal comes with: 400 at the token endpoint (RFC 6749 §5.2), 401 for a client or a token. */
  status: number;
  /** The OAuth error code the step teaches. */
  error: string;
  /** RFC 6750 §3: a resource server's refusal names its scheme in WWW-Authenticate. */
  challenge?: boolean;
  /** What a server that accepts the request gets wrong, in a sentence. */
  ifAccepted: string | ((context: WalkthroughContext) => string);
  keep?(result: ExchangeResult): Kept;
};

/**
 * A step whose lesson is a refusal: the expected error is the step's success and the run goes on. An
 * answer that accepts says what the server got wrong (`unexpected_success`); another refusal is shown as
 * it came, since its real cause is the one to read.
 */
export const expectRefusal =
  (expected: ExpectedRefusal): NonNullable<StepDefinition['outcome']> =>
  (context, result) => {
    const refused =
      result.status === expected.status &&
      errorCode(result) === expected.error &&
      (!expected.challenge || Boolean(responseHeader(result, 'www-authenticate')));
    if (refused) return { kind: 'succeeded', ...expected.keep?.(result) };
    if (result.status < 300) {
      const { ifAccepted } = expected;
      return {
        kind: 'failed',
        error: {
          error: 'unexpected_success',
          error_description: typeof ifAccepted === 'string' ? ifAccepted : ifAccepted(context),
        },
      };
    }
    return { kind: 'failed', error: oauthErrorOf(result) };
  };
