import { postStatusStep, revokeSteps, userinfoStep, verifyCredentialsStep } from '../walkthrough/api-steps';
import { PARAMS, RFC } from '../walkthrough/common-steps';
import { pkceSecrets } from '../walkthrough/secrets';
import { authorizationRequest, codeRequestParameters } from '../walkthrough/builders/authorization-request';
import { authorizationCodeForm, tokenRequest, tokenRequestStep } from '../walkthrough/builders/token-request';
import type { RegisteredGrant } from '../../lib/grants/catalogue';
import { webApp } from './client';
import { authorizationResponseStep } from '../walkthrough/builders/authorization-response';

const CLIENT_ID = webApp.client_id;

/**
 * RFC 6749 §4.1 with a confidential client: its backend holds the secret and redeems the code. It sends a
 * PKCE code_challenge too (RFC 9700 §2.1.1), which this server requires of every client.
 */
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
  secrets: pkceSecrets,
  steps: [
    {
      id: 'authorization-request',
      title: 'Send the browser to the authorization server',
      explanation:
        'The client redirects the browser to the authorization endpoint with what it wants (scope), where to come back (redirect_uri) and a PKCE code_challenge, the S256 hash of a random code_verifier it keeps. The user signs in and consents on the authorization server’s own pages, never on the client’s. Why PKCE when the client has a secret: the secret proves which client redeems a code, not that this code was issued to this browser’s request. An attacker who stole a code elsewhere could inject it into the client’s own callback, and the client would redeem it with its secret; the code_verifier ties the code to the request that asked for it. RFC 9700 recommends PKCE for confidential clients for that reason, and this server requires it.',
      rfc: RFC.authorizationRequest,
      from: 'client',
      to: 'authorization-server',
      channel: 'front',
      params: [PARAMS.scope, PARAMS.state, PARAMS.nonce, PARAMS.prompt, PARAMS.resource],
      action: (context) => {
        const { scope, state, nonce, prompt, resource } = context.params;
        return authorizationRequest(
          codeRequestParameters(context, CLIENT_ID, { scope, state, nonce, prompt, resource }),
        );
      },
    },
    authorizationResponseStep({
      explanation:
        'The authorization server redirected the browser to the client’s redirect_uri with a one-time code, the state the client sent, and iss (RFC 9207). The client checked state before anything else.',
    }),
    tokenRequestStep(
      {
        id: 'token-request',
        title: 'Exchange the code for tokens',
        explanation:
          'The client’s backend sends the code and the code_verifier to the token endpoint, authenticating with its client secret (HTTP Basic). The server checks that the verifier hashes to the code_challenge of the request the code was issued for. The code works once and only until it expires (the countdown shows when); the secret never reaches the browser.',
        rfc: RFC.tokenRequest,
      },
      (context) => tokenRequest(authorizationCodeForm(context), { via: 'client-backend' }),
    ),
    userinfoStep('client-backend'),
    verifyCredentialsStep('client-backend'),
    postStatusStep('client-backend'),
    ...revokeSteps('client-backend', CLIENT_ID),
  ],
};
