import { postStatusStep, userinfoStep, verifyCredentialsStep } from '../walkthrough/api-steps';
import { PARAMS, RFC } from '../walkthrough/common-steps';
import { pkceSecrets } from '../walkthrough/secrets';
import { authorizationRequest, codeRequestParameters } from '../walkthrough/builders/authorization-request';
import { authorizationCodeForm, tokenRequest, tokenRequestStep } from '../walkthrough/builders/token-request';
import type { RegisteredGrant } from '../../lib/grants/catalogue';
import { singlePageApp } from './client';
import { authorizationResponseStep } from '../walkthrough/builders/authorization-response';

const CLIENT_ID = singlePageApp.client_id;

/** RFC 6749 §4.1 with PKCE (RFC 7636) for a public client: no secret, the code_verifier proves possession. */
export const authorizationCodePkce: RegisteredGrant = {
  slug: 'authorization-code-pkce',
  name: 'Authorization code with PKCE',
  clientId: CLIENT_ID,
  clientType: singlePageApp.type,
  clients: [singlePageApp],
  summary:
    'A single-page app has no secret to keep. It makes a random code_verifier, sends its hash with the authorization request, and proves it holds the verifier when redeeming the code: a stolen code is useless.',
  catalogue: {
    rfc: 'RFC 7636',
    status: 'recommended',
    useWhen: 'Single-page and mobile apps; OAuth 2.1 requires PKCE for every client.',
  },
  defaults: {
    scope: 'openid profile offline_access read write',
    state: '',
    nonce: '',
    prompt: 'consent',
    code_challenge_method: 'S256',
  },
  secrets: pkceSecrets,
  steps: [
    {
      id: 'authorization-request',
      title: 'Send the browser to the authorization server, with a code_challenge',
      explanation:
        'The app made a random code_verifier and keeps it in memory; it sends only code_challenge = BASE64URL(SHA-256(code_verifier)). This server requires PKCE for public clients and supports only S256.',
      rfc: RFC.pkce,
      from: 'client',
      to: 'authorization-server',
      channel: 'front',
      params: [PARAMS.scope, PARAMS.state, PARAMS.nonce, PARAMS.prompt, PARAMS.codeChallengeMethod],
      action: (context) => {
        const { params, values } = context;
        const { scope, state, nonce, prompt, code_challenge_method } = params;
        // A plain challenge is the verifier itself (RFC 7636 §4.2): sent to show the server refuses it.
        const code_challenge =
          code_challenge_method === 'plain' ? values.code_verifier : values.code_challenge;
        return authorizationRequest(
          codeRequestParameters(
            context,
            CLIENT_ID,
            { scope, state, nonce, prompt },
            { code_challenge, code_challenge_method },
          ),
        );
      },
    },
    authorizationResponseStep({
      explanation:
        'The code arrives in the browser, where other scripts or the history could see it. That is why it is bound to the code_challenge: without the verifier, nobody can redeem it.',
    }),
    tokenRequestStep(
      {
        id: 'token-request',
        title: 'Exchange the code and the code_verifier for tokens',
        explanation:
          'The app calls the token endpoint from the browser (CORS is allowed for public clients whose redirect URI shares the origin). No client secret: the code_verifier is the proof.',
        rfc: RFC.tokenRequest,
      },
      (context) => tokenRequest(authorizationCodeForm(context, CLIENT_ID), { via: 'browser' }),
    ),
    userinfoStep('browser'),
    verifyCredentialsStep('browser'),
    postStatusStep('browser'),
  ],
};
