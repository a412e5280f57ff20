import { userinfoStep, verifyCredentialsStep } from '../walkthrough/api-steps';
import { PARAMS, RFC } from '../walkthrough/common-steps';
import { passwordForm, tokenRequest, tokenRequestStep } from '../walkthrough/builders/token-request';
import type { RegisteredGrant } from '../../lib/grants/catalogue';
import { firstPartyApp } from './client';

/** RFC 6749 §4.3, shown to explain why RFC 9700 §2.4 forbids it: the app handles the user’s password. */
export const password: RegisteredGrant = {
  slug: 'password',
  name: 'Resource owner password',
  clientId: firstPartyApp.client_id,
  clientType: firstPartyApp.type,
  clients: [firstPartyApp],
  summary:
    'The app collects the user’s username and password and sends them to the token endpoint. No redirect, no consent page, no multi-factor sign-in: the app sees the password. OAuth 2.1 and the Security BCP (RFC 9700) forbid it; it remains here so you can see why.',
  catalogue: {
    rfc: 'RFC 6749 §4.3',
    status: 'legacy',
    useWhen: 'Nothing new: the app sees the password; RFC 9700 forbids it.',
  },
  defaults: { username: 'alice', password: 'wonderland', scope: 'openid profile offline_access read write' },
  secrets: async () => ({}),
  steps: [
    tokenRequestStep(
      {
        id: 'token-request',
        title: 'Send the user’s password to the token endpoint',
        explanation:
          'The client’s backend authenticates itself (HTTP Basic) and passes the user’s credentials along. Try a wrong password: invalid_grant. Five wrong ones in ten minutes make this account wait for this browser.',
        forFollowers:
          'The client’s backend authenticates itself (HTTP Basic) and passes the user’s credentials along. A wrong password gets invalid_grant; five wrong ones in ten minutes make the account wait.',
        rfc: RFC.password,
        params: [
          { name: 'username', label: 'username', help: 'The resource owner’s username (alice or bob).' },
          {
            name: 'password',
            label: 'password',
            help: 'Their password: the client sees it, which is the problem.',
          },
          PARAMS.scope,
        ],
      },
      ({ params }) =>
        tokenRequest(
          passwordForm(
            { username: params.username ?? '', password: params.password ?? '' },
            params.scope ?? '',
          ),
          { via: 'client-backend' },
        ),
    ),
    userinfoStep('client-backend'),
    verifyCredentialsStep('client-backend'),
  ],
};
