import { postStatusStep, revokeSteps, userinfoStep, verifyCredentialsStep } from '../walkthrough/api-steps';
import { CALLBACK_PATH, PARAMS, query, RFC, tokenOutcome } from '../walkthrough/common-steps';
import { stateAndNonce } from '../walkthrough/secrets';
import type { RegisteredGrant } from '../../lib/grants/catalogue';
import { webApp } from './client';

const CLIENT_ID = webApp.client_id;

/** RFC 6749 §4.1 with a confidential client: its backend holds the secret and redeems the code. */
export const authorizationCode: RegisteredGrant = {
  slug: 'authorization-code',
  name: 'Authorization code',
  clientId: CLIENT_ID,
  clientType: webApp.type,
  clients: [webApp],
  summary:
    'A web app with a server. The browser carries only a short-lived code; the app’s backend exchanges it for tokens with its secret, over the back channel.',
  catalogue: {
    rfc: 'RFC 6749 §4.1',
    status: 'recommended',
    useWhen: 'A web app with a server that can keep a secret.',
  },
  defaults: {
    scope: 'openid profile email offline_access read write',
    state: '',
    nonce: '',
    prompt: 'consent',
    resource: '',
  },
  secrets: stateAndNonce,
  steps: [
    {
      id: 'authorization-request',
      title: 'Send the browser to the authorization server',
      explanation:
        'The client redirects the browser to the authorization endpoint with what it wants (scope) and where to come back (redirect_uri). The user signs in and consents on the authorization server’s own pages, never on the client’s.',
      rfc: RFC.authorizationRequest,
      from: 'client',
      to: 'authorization-server',
      channel: 'front',
      params: [PARAMS.scope, PARAMS.state, PARAMS.nonce, PARAMS.prompt, PARAMS.resource],
      action: ({ params, origin }) => ({
        kind: 'navigate',
        path: `/oidc/auth?${query({
          response_type: 'code',
          client_id: CLIENT_ID,
          redirect_uri: `${origin}${CALLBACK_PATH}`,
          scope: params.scope,
          state: params.state,
          nonce: params.nonce,
          prompt: params.prompt,
          resource: params.resource,
        })}`,
      }),
    },
    {
      id: 'authorization-response',
      title: 'The code comes back to the redirect URI',
      explanation:
        'The authorization server redirected the browser to the client’s redirect_uri with a one-time code, the state the client sent, and iss (RFC 9207). The client checked state before anything else.',
      rfc: RFC.authorizationResponse,
      from: 'authorization-server',
      to: 'client',
      channel: 'front',
      action: () => ({ kind: 'callback' }),
    },
    {
      id: 'token-request',
      title: 'Exchange the code for tokens',
      explanation:
        'The client’s backend sends the code to the token endpoint, authenticating with its client secret (HTTP Basic). The code works once and for a minute; the secret never reaches the browser.',
      rfc: RFC.tokenRequest,
      from: 'client',
      to: 'authorization-server',
      channel: 'back',
      action: ({ values, origin }) => ({
        kind: 'send',
        via: 'client-backend',
        request: {
          method: 'POST',
          path: '/oidc/token',
          form: {
            grant_type: 'authorization_code',
            code: values.code ?? '',
            redirect_uri: `${origin}${CALLBACK_PATH}`,
          },
        },
      }),
      outcome: (_context, result) => tokenOutcome(result),
    },
    userinfoStep('client-backend'),
    verifyCredentialsStep('client-backend'),
    postStatusStep('client-backend'),
    ...revokeSteps('client-backend', CLIENT_ID),
  ],
};
