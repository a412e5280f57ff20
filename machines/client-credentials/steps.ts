import { verifyAppStep, verifyCredentialsStep } from '../walkthrough/api-steps';
import { PARAMS, present, RFC } from '../walkthrough/common-steps';
import { tokenRequest, tokenRequestStep } from '../walkthrough/builders/token-request';
import type { RegisteredGrant } from '../../lib/grants/catalogue';
import { service, SERVICE_SCOPE } from './client';

/** RFC 6749 §4.4: a client acting for itself, with no user and no browser. */
export const clientCredentials: RegisteredGrant = {
  slug: 'client-credentials',
  name: 'Client credentials',
  clientId: service.client_id,
  clientType: service.type,
  clients: [service],
  summary:
    'Machine to machine: a service authenticates as itself and gets a token for its own access. No user, no browser, no refresh token (it can simply ask again).',
  catalogue: {
    rfc: 'RFC 6749 §4.4',
    status: 'recommended',
    useWhen: 'Machine to machine, no user involved.',
  },
  defaults: { scope: SERVICE_SCOPE, resource: '' },
  secrets: async () => ({}),
  steps: [
    tokenRequestStep(
      {
        id: 'token-request',
        title: 'Ask for a token with the client’s own credentials',
        explanation:
          'The service’s backend authenticates with HTTP Basic (client_id:client_secret) and asks for scopes. Name the playground API as resource to get a JWT access token you can decode; leave it empty for an opaque one.',
        forFollowers:
          'The service’s backend authenticates with HTTP Basic (client_id:client_secret) and asks for scopes. With the playground API named as resource the access token is a JWT anyone can decode; without it, an opaque one.',
        rfc: RFC.clientCredentials,
        params: [PARAMS.scope, PARAMS.resource],
      },
      ({ params }) =>
        tokenRequest(
          {
            grant_type: 'client_credentials',
            ...present({ scope: params.scope, resource: params.resource }),
          },
          { via: 'client-backend' },
        ),
    ),
    verifyAppStep('client-backend', {
      title: 'Call the API as the app',
      explanation:
        'The token identifies the client, not a person: the API answers with the application’s own record, with the scopes it is registered for.',
    }),
    {
      ...verifyCredentialsStep('client-backend'),
      title: 'Try an endpoint that needs a user',
      explanation:
        'verify_credentials asks “which user am I?”. A client-credentials token has no user, so the API refuses with 422: this grant is for the client’s own access only.',
    },
  ],
};
