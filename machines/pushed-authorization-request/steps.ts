import { verifyCredentialsStep } from '../walkthrough/api-steps';
import { PARAMS, present, RFC } from '../walkthrough/common-steps';
import { pkceSecrets } from '../walkthrough/secrets';
import { authorizationUrl, codeRequestParameters } from '../walkthrough/builders/authorization-request';
import { authorizationCodeForm, tokenRequest, tokenRequestStep } from '../walkthrough/builders/token-request';
import type { RegisteredGrant } from '../../lib/grants/catalogue';
import type { ExchangeResult, StepOutcome, WalkthroughContext } from '../../lib/walkthrough/types';
import { pushingWebApp } from './client';
import { authorizationResponseStep } from '../walkthrough/builders/authorization-response';
import {
  errorResponseOf,
  oauthErrorIn,
  pushedAuthorizationResponseOf,
} from '../../lib/walkthrough/response-bodies';

const CLIENT_ID = pushingWebApp.client_id;

const PAR = (section: string) => ({
  label: `RFC 9126 §${section}`,
  href: `https://www.rfc-editor.org/rfc/rfc9126#section-${section}`,
});

/** The authorization request's parameters: pushed in the back channel, or (classic) put in the URL. */
const authorizationParameters = (context: WalkthroughContext) => {
  const { scope, state, nonce, prompt } = context.params;
  return codeRequestParameters(context, CLIENT_ID, { scope, state, nonce, prompt });
};

/** RFC 9126 §4: the browser carries only the client and the reference to what was pushed. */
const pushedUrl = ({ values }: WalkthroughContext) =>
  authorizationUrl({ client_id: CLIENT_ID, request_uri: values.request_uri });
const classicUrl = (context: WalkthroughContext) => authorizationUrl(authorizationParameters(context));

/** RFC 9126 §2.2: 201 with request_uri and expires_in; an error (§2.3) otherwise. */
function pushedOutcome(result: ExchangeResult): StepOutcome {
  const body = pushedAuthorizationResponseOf(result.body);
  if (result.status === 201 && body.request_uri)
    return {
      kind: 'succeeded',
      values: { request_uri: body.request_uri, expires_in: String(body.expires_in ?? '') },
    };
  const error = oauthErrorIn(result);
  return {
    kind: 'failed',
    error: errorResponseOf(result.body).error ? error : { ...error, error: 'invalid_response' },
  };
}

/** RFC 9126: the client pushes the authorization request's parameters; the browser carries a reference. */
export const pushedAuthorizationRequest: RegisteredGrant = {
  slug: 'pushed-authorization-request',
  name: 'Pushed authorization request (PAR)',
  clientId: CLIENT_ID,
  clientType: pushingWebApp.type,
  clients: [pushingWebApp],
  summary:
    'The client’s backend sends the authorization request’s parameters straight to the authorization server, authenticated, and gets a one-time request_uri. The browser carries only client_id and that reference: nothing in the URL to read, leak or tamper with. Then code, PKCE and tokens as usual.',
  catalogue: {
    rfc: 'RFC 9126',
    status: 'recommended',
    useWhen: 'Confidential clients that want their authorization requests authenticated and out of the URL.',
    family: 'modern',
    profiles: ['FAPI 2.0 (required)', 'OAuth 2.1-era recommendation'],
  },
  defaults: { scope: 'openid profile read', state: '', nonce: '', prompt: 'consent' },
  secrets: pkceSecrets,
  steps: [
    {
      id: 'push',
      title: 'Push the authorization request to the server',
      explanation:
        'The client’s backend POSTs every parameter of the authorization request (redirect_uri, scope, state, the S256 code_challenge) to the PAR endpoint, authenticating with HTTP Basic as it does at the token endpoint. The server checks them now, before any browser is involved, and answers 201 with a request_uri and its lifetime in expires_in.',
      forFollowers:
        'The client’s backend POSTs every parameter of the authorization request (redirect_uri, scope, state, the S256 code_challenge) to the PAR endpoint, authenticating with HTTP Basic as it does at the token endpoint. The server answers 201 with a request_uri and its lifetime in expires_in.',
      rfc: PAR('2.1'),
      from: 'client',
      to: 'authorization-server',
      channel: 'back',
      params: [PARAMS.scope, PARAMS.state, PARAMS.nonce, PARAMS.prompt],
      action: (context) => ({
        kind: 'send',
        via: 'client-backend',
        request: { method: 'POST', path: '/oidc/request', form: present(authorizationParameters(context)) },
      }),
      outcome: (_context, result) => pushedOutcome(result),
    },
    {
      id: 'authorization-request',
      title: 'Send the browser with only client_id and request_uri',
      explanation:
        'The URL the browser carries names the client and the pushed request, nothing else: no scope, redirect_uri or code_challenge to read in the history, the logs or a Referer, and none to change on the way. The server looks the parameters up by request_uri. Compare the two URLs below.',
      rfc: PAR('4'),
      from: 'client',
      to: 'authorization-server',
      channel: 'front',
      action: (context) => ({ kind: 'navigate', path: pushedUrl(context) }),
      exhibit: (context) => ({
        kind: 'authorization-urls',
        classic: `${context.origin}${classicUrl(context)}`,
        pushed: `${context.origin}${pushedUrl(context)}`,
      }),
    },
    authorizationResponseStep({
      explanation:
        'The answer is the usual one: a code and the state that was pushed, checked by the client. PAR changes how the request travels, not the response.',
    }),
    tokenRequestStep(
      {
        id: 'token-request',
        title: 'Exchange the code and the code_verifier for tokens',
        explanation:
          'The client’s backend authenticates with HTTP Basic and sends the code with its code_verifier, exactly as without PAR: the code_challenge it pushed is the one the server checks the verifier against.',
        rfc: RFC.tokenRequest,
      },
      (context) => tokenRequest(authorizationCodeForm(context), { via: 'client-backend' }),
    ),
    verifyCredentialsStep('client-backend'),
    {
      id: 'reuse-request-uri',
      title: 'Open the same authorization URL again: the request_uri is spent',
      explanation:
        'The server consumed the request_uri when it issued the code: RFC 9126 asks a client to use each one once and lets the server enforce it, so a copied URL is worth nothing. A request_uri also lives briefly: expires_in said how long, a fixed 60 seconds on this server, and an expired one is refused with the same error.',
      rfc: PAR('4'),
      from: 'client',
      to: 'authorization-server',
      channel: 'front',
      action: (context) => ({ kind: 'navigate', path: pushedUrl(context) }),
      refusal: {
        error: 'invalid_request_uri',
        ifAccepted: 'The authorization server accepted a request_uri it had already used.',
      },
    },
    authorizationResponseStep({
      id: 'reuse-refused',
      title: 'Refused: invalid_request_uri',
      explanation:
        'The server sends the browser back to the registered redirect URI with invalid_request_uri. Its description does not say whether the request_uri was unknown, expired or used, and no state comes back: the state was among the pushed parameters.',
      rfc: PAR('2.2'),
    }),
    {
      id: 'classic-request',
      title: 'Try the classic authorization URL: this client must push',
      explanation:
        'The same parameters in the URL, as every client sends them without PAR. This client is registered with require_pushed_authorization_requests, so the server refuses it any request that was not pushed, even a correct one. The setting is per client: the other demo clients may still send classic requests.',
      rfc: PAR('6'),
      from: 'client',
      to: 'authorization-server',
      channel: 'front',
      action: (context) => ({ kind: 'navigate', path: classicUrl(context) }),
      refusal: {
        error: 'invalid_request',
        ifAccepted:
          'The authorization server accepted a request that was not pushed from a client that must push.',
      },
    },
    authorizationResponseStep({
      id: 'classic-refused',
      title: 'Refused: a pushed authorization request must be used',
      explanation:
        'The server answers invalid_request at the redirect URI, with the state the client sent. FAPI 2.0 requires PAR of every client; here one client opted in.',
      rfc: PAR('6'),
    }),
  ],
};
