import type {
  RequestSpec,
  StepAction,
  StepDefinition,
  WalkthroughContext,
} from '../../../lib/walkthrough/types';
import { CALLBACK_PATH, tokenOutcome } from '../common-steps';

/** The authorization server's token endpoint on the playground's origin (RFC 6749 §3.2). */
export const TOKEN_ENDPOINT = '/oidc/token';

/** A back-channel call: who sends it, and the request. */
export type SendAction = Extract<StepAction, { kind: 'send' }>;

/** A token request's form: grant_type first, then the grant's own parameters, in the order sent. */
export type TokenForm = { grant_type: string } & Record<string, string>;

export type TokenRequestOptions = {
  /** The browser for a public client; the client's backend for a confidential one (it adds the secret). */
  via: SendAction['via'];
  /** The client that sends it, when not the grant's own (an agent). */
  clientId?: string;
  /** Another endpoint that plays the token endpoint (a lab's deliberately weak one). */
  path?: string;
} & Pick<RequestSpec, 'headers' | 'clientAssertion' | 'dpop'>;

/**
 * RFC 6749 §3.2: a POST of a form to the token endpoint. Client authentication (§2.3) is the sender's:
 * the backend adds HTTP Basic or signs `clientAssertion`; a public client names itself in the form.
 */
export function tokenRequest(form: TokenForm, options: TokenRequestOptions): SendAction {
  const { via, clientId, path = TOKEN_ENDPOINT, ...request } = options;
  return {
    kind: 'send',
    via,
    ...(clientId ? { clientId } : {}),
    request: { method: 'POST', path, form, ...request },
  };
}

/**
 * RFC 6749 §4.1.3 with RFC 7636 §4.5: the code for tokens, with the redirect URI it was issued for and the
 * code_verifier. A public client names itself (`client_id`); a confidential one authenticates instead.
 */
export const authorizationCodeForm = (
  { values, origin }: Pick<WalkthroughContext, 'values' | 'origin'>,
  clientId?: string,
): TokenForm => ({
  grant_type: 'authorization_code',
  ...(clientId ? { client_id: clientId } : {}),
  code: values.code ?? '',
  redirect_uri: `${origin}${CALLBACK_PATH}`,
  code_verifier: values.code_verifier ?? '',
});

/** What a token request step says beside its request; the rest defaults to a client's token request. */
export type TokenStepText = Pick<StepDefinition, 'id' | 'title' | 'explanation' | 'rfc'> &
  Partial<Pick<StepDefinition, 'forFollowers' | 'params' | 'from' | 'exhibit' | 'outcome'>>;

/**
 * A step that sends a token request: from the client to the authorization server in the back channel,
 * its answer read as a token response (RFC 6749 §5.1) unless the step reads it otherwise.
 */
export const tokenRequestStep = (
  text: TokenStepText,
  action: (context: WalkthroughContext) => SendAction,
): StepDefinition => ({
  from: 'client',
  to: 'authorization-server',
  channel: 'back',
  outcome: (_context, result) => tokenOutcome(result),
  ...text,
  action,
});
