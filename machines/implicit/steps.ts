import { userinfoStep } from '../walkthrough/api-steps';
import { CALLBACK_PATH, PARAMS, RFC } from '../walkthrough/common-steps';
import { stateAndNonce } from '../walkthrough/secrets';
import { authorizationRequest } from '../walkthrough/builders/authorization-request';
import type { RegisteredGrant } from '../../lib/grants/catalogue';
import { implicitApp } from './client';
import { authorizationResponseStep } from '../walkthrough/builders/authorization-response';

const CLIENT_ID = implicitApp.client_id;

/**
 * OpenID Connect's implicit flow (`id_token token`): tokens come straight back in the URL fragment.
 * Taught honestly as legacy: OAuth 2.1 removes it, and this server does not offer plain `token`.
 */
export const implicit: RegisteredGrant = {
  slug: 'implicit',
  name: 'Implicit (OpenID Connect id_token token)',
  clientId: CLIENT_ID,
  clientType: implicitApp.type,
  clients: [implicitApp],
  summary:
    'Tokens are returned in the redirect’s fragment, with no code exchange. They pass through the browser’s history and any script on the page, and cannot be bound to the client: OAuth 2.1 removed the implicit grant. This server offers only OpenID Connect’s id_token token, whose nonce at least stops replay; plain response_type=token is refused as unsupported_response_type.',
  catalogue: {
    rfc: 'RFC 6749 §4.2',
    status: 'legacy',
    useWhen: 'Nothing new: OAuth 2.1 removes it; use code with PKCE.',
  },
  defaults: { scope: 'openid profile', state: '', nonce: '', response_type: 'id_token token' },
  secrets: stateAndNonce,
  steps: [
    {
      id: 'authorization-request',
      title: 'Ask for tokens directly in the redirect',
      explanation:
        'response_type=id_token token asks for an ID token and an access token in the fragment. nonce is required. On plain http the client is registered as a native app with a loopback redirect (RFC 8252): OpenID Connect forbids implicit web clients on http. Try response_type=token to see the refusal.',
      forFollowers:
        'response_type=id_token token asks for an ID token and an access token in the fragment. nonce is required. On plain http the client is registered as a native app with a loopback redirect (RFC 8252): OpenID Connect forbids implicit web clients on http. response_type=token alone would be refused.',
      rfc: RFC.oidcImplicit,
      from: 'client',
      to: 'authorization-server',
      channel: 'front',
      params: [
        PARAMS.scope,
        PARAMS.state,
        PARAMS.nonce,
        {
          name: 'response_type',
          label: 'response_type',
          help: 'What comes back in the fragment.',
          options: ['id_token token', 'id_token', 'token'],
        },
      ],
      action: ({ params, origin }) =>
        authorizationRequest({
          response_type: params.response_type,
          client_id: CLIENT_ID,
          redirect_uri: `${origin}${CALLBACK_PATH}`,
          scope: params.scope,
          state: params.state,
          nonce: params.nonce,
          prompt: 'consent',
        }),
    },
    authorizationResponseStep({
      title: 'Tokens arrive in the URL fragment',
      explanation:
        'The fragment (after #) never reaches a server: only the page’s script reads it. The client checked state and that the ID token carries its nonce. The access token is now in the browser history.',
      rfc: RFC.implicit,
    }),
    userinfoStep('browser'),
  ],
};
