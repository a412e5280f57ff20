import type {
  ExchangeResult,
  RequestSpec,
  StepAction,
  StepDefinition,
  StepOutcome,
  WalkthroughContext,
} from '../../../lib/walkthrough/types';
import { DEMO_LOGINS, type DemoLogin } from '../../../lib/demo/logins';
import { CALLBACK_PATH, tokenOutcome } from '../common-steps';

/** The authorization server's token endpoint on the playground's origin (RFC 6749 §3.2). */
export const TOKEN_ENDPOINT = '/oidc/token';

/** A back-channel call: who sends it, and the request. */
export type SendAction = Extract<StepAction, { kind: 'send' }>;

/** A token request's form: grant_type first, then the grant's own parameters, in the order sent. */
export type TokenForm = { grant_type: string } & Record<string, string>;

/** What a token request carries besides its form: client authentication, a DPoP proof, another endpoint. */
export type TokenRequestSpecOptions = {
  /** Another endpoint that plays the token endpoint (a lab's deliberately weak one, an attacker's). */
  path?: string;
} & Pick<RequestSpec, 'headers' | 'clientAssertion' | 'dpop'>;

/** RFC 6749 §3.2: the POST of a form to the token endpoint, as a request (what an attacker's server sends). */
export const tokenRequestSpec = (
  form: TokenForm,
  { path = TOKEN_ENDPOINT, ...request }: TokenRequestSpecOptions = {},
): RequestSpec => ({ method: 'POST', path, form, ...request });

export type TokenRequestOptions = TokenRequestSpecOptions & {
  /** The browser for a public client; the client's backend for a confidential one (it adds the secret). */
  via: SendAction['via'];
  /** The client that sends it, when not the grant's own (an agent). */
  clientId?: string;
};

/**
 * RFC 6749 §3.2: a step sends a token request. Client authentication (§2.3) is the sender's: the backend
 * adds HTTP Basic or signs `clientAssertion`; a public client names itself in the form.
 */
export function tokenRequest(form: TokenForm, options: TokenRequestOptions): SendAction {
  const { via, clientId, ...request } = options;
  return { kind: 'send', via, ...(clientId ? { clientId } : {}), request: tokenRequestSpec(form, request) };
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

/** A demo resource owner's username and password (lib/demo/logins.ts). */
export const demoOwner = (login: DemoLogin) => ({ username: login, password: DEMO_LOGINS[login] });

/**
 * RFC 6749 §4.3.2: the resource owner's username and password, sent by the client (the grant RFC 9700 §2.4
 * forbids, kept to show why and to get tokens in one step), then what the step adds (client_id, resource).
 */
export const passwordForm = (
  owner: { username: string; password: string },
  scope: string,
  more: Record<string, string> = {},
): TokenForm => ({
  grant_type: 'password',
  username: owner.username,
  password: owner.password,
  scope,
  ...more,
});

/** RFC 6749 §6: a refresh token for new tokens, then what the step adds (a public client's client_id). */
export const refreshTokenForm = (refreshToken: string, more: Record<string, string> = {}): TokenForm => ({
  grant_type: 'refresh_token',
  refresh_token: refreshToken,
  ...more,
});

/**
 * RFC 6749 §6: the tokens a refresh brings. A server that rotates sends a new refresh token and the old one
 * is spent (kept as `rotated_refresh_token`, to show that reusing it fails); one that does not sends none,
 * and the client keeps using the one it has.
 */
export function refreshedTokens(context: WalkthroughContext, result: ExchangeResult): StepOutcome {
  const outcome = tokenOutcome(result);
  if (outcome.kind !== 'succeeded') return outcome;
  const previous = context.tokens.refresh_token;
  return {
    kind: 'succeeded',
    tokens: {
      ...outcome.tokens,
      refresh_token: outcome.tokens?.refresh_token ?? previous,
      rotated_refresh_token: previous,
    },
  };
}

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
