import { verifyAppStep } from '../walkthrough/api-steps';
import { present, tokenOutcome } from '../walkthrough/common-steps';
import { tokenRequest } from '../walkthrough/builders/token-request';
import { expectRefusal, type ExpectedRefusal } from '../walkthrough/builders/expect-refusal';
import type { RegisteredGrant } from '../../lib/grants/catalogue';
import type { ExchangeResult, StepDefinition } from '../../lib/walkthrough/types';
import { signingService } from './client';

const CLIENT_ID = signingService.client_id;
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

const RFC7523 = (section: string) => ({
  label: `RFC 7523 §${section}`,
  href: `https://www.rfc-editor.org/rfc/rfc7523#section-${section}`,
});

/** The assertion the backend signed, kept under `name` with the public keys the server registered. */
function keepAssertion(result: ExchangeResult, name: string): Record<string, string> {
  if (!result.clientAssertion) return {};
  return {
    [name]: result.clientAssertion.jwt,
    registered_jwks: JSON.stringify(result.clientAssertion.registeredJwks),
  };
}

/** A token request that must fail client authentication (RFC 6749 §5.2): 401 invalid_client is the lesson. */
const refusedAuthentication = (ifAccepted: ExpectedRefusal['ifAccepted'], name?: string) =>
  expectRefusal({
    status: 401,
    error: 'invalid_client',
    ifAccepted,
    keep: (result) => ({ values: name ? keepAssertion(result, name) : {} }),
  });

/** RFC 6749 §4.4.2: client credentials, with the scope the learner chose (none when emptied). */
const clientCredentialsForm = (params: Record<string, string>) => ({
  grant_type: 'client_credentials',
  ...present({ scope: params.scope }),
});

const tokenRequestTo = (to: StepDefinition['to']) => ({
  from: 'client' as const,
  to,
  channel: 'back' as const,
});

/** Client credentials with private_key_jwt: the client authenticates with a JWT it signs, not a secret. */
export const privateKeyJwt: RegisteredGrant = {
  slug: 'private-key-jwt',
  name: 'Client authentication with private_key_jwt',
  clientId: CLIENT_ID,
  clientType: signingService.type,
  clients: [signingService],
  summary:
    'A confidential client without a shared secret: it holds a private key, the authorization server holds its public key, and each token request carries a short-lived JWT the client signed (a client assertion). Nothing the server stores could be used to impersonate the client, and a captured assertion cannot be replayed or used at another server.',
  catalogue: {
    rfc: 'RFC 7523 §2.2',
    status: 'recommended',
    useWhen:
      'Confidential clients that should not share a secret with the server: machine to machine, banks.',
    family: 'modern',
    profiles: ['FAPI 2.0'],
  },
  // Empty: the wrong-audience step signs for the token endpoint, the one wrong value the backend signs.
  defaults: { scope: 'read', aud: '' },
  secrets: async () => ({}),
  steps: [
    {
      id: 'token-request',
      title: 'Sign a client assertion and ask for a token',
      explanation:
        'The service has a key pair: its public key is registered with the authorization server (jwks in its client metadata), its private key stays on the playground’s server. For this request the backend signs a JWT with the claims below (aud is the server’s issuer identifier, valid for a minute) and sends it as client_assertion instead of a secret; the server verifies the signature with the registered public key, then the claims. The browser sees the assertion only once the server has used it up.',
      rfc: RFC7523('2.2'),
      ...tokenRequestTo('authorization-server'),
      params: [{ name: 'scope', label: 'scope', help: 'What the service asks to be allowed to do.' }],
      action: ({ params, origin }) =>
        tokenRequest(clientCredentialsForm(params), {
          via: 'client-backend',
          clientAssertion: { aud: `${origin}/oidc` },
        }),
      outcome: (_context, result) => {
        const outcome = tokenOutcome(result);
        return outcome.kind === 'succeeded'
          ? { ...outcome, values: keepAssertion(result, 'client_assertion') }
          : outcome;
      },
      exhibit: ({ values }) =>
        values.client_assertion && values.registered_jwks
          ? { kind: 'client-assertion', jwt: values.client_assertion, registeredJwks: values.registered_jwks }
          : undefined,
    },
    verifyAppStep('client-backend', {
      title: 'Call the API as the service',
      explanation:
        'The access token is an ordinary one: how the client authenticated does not show in it. The API answers with the application’s own record.',
    }),
    {
      id: 'replay',
      title: 'Replay the same assertion: refused',
      explanation:
        'Someone who captured the assertion (from a log, a proxy) sends it again within its minute of validity. The server remembered its jti when it accepted it and answers 401 invalid_client. The description stays generic: the server does not tell a caller which check failed.',
      rfc: RFC7523('3'),
      ...tokenRequestTo('authorization-server'),
      action: ({ params, values }) =>
        tokenRequest(
          {
            ...clientCredentialsForm(params),
            client_assertion_type: JWT_BEARER,
            client_assertion: values.client_assertion ?? '',
          },
          { via: 'client-backend' },
        ),
      outcome: refusedAuthentication('The server accepted a client assertion it had already accepted once.'),
      exhibit: ({ values }) =>
        values.client_assertion && values.registered_jwks
          ? {
              kind: 'client-assertion',
              jwt: values.client_assertion,
              registeredJwks: values.registered_jwks,
              sentBefore: true,
            }
          : undefined,
    },
    {
      id: 'wrong-audience',
      title: 'Sign an assertion for the token endpoint: refused',
      explanation:
        'The 2025 audience-injection attacks (CVE-2025-27370, CVE-2025-27371): a client that uses several authorization servers takes their endpoint URLs from their metadata, so a malicious server can list this server’s token endpoint as its own, receive an assertion signed for it, and replay it here. An issuer cannot be borrowed that way, so draft-ietf-oauth-rfc7523bis allows only aud = the issuer, as one string. The backend signs a fresh assertion for this server’s token endpoint: 401 invalid_client.',
      rfc: {
        label: 'draft-ietf-oauth-rfc7523bis',
        href: 'https://datatracker.ietf.org/doc/draft-ietf-oauth-rfc7523bis/',
      },
      ...tokenRequestTo('authorization-server'),
      params: [
        {
          name: 'aud',
          label: 'aud',
          help: 'Empty: this server’s token endpoint (…/oidc/token). The backend signs only that audience or the issuer (…/oidc), which the server would accept; it refuses to sign any other.',
        },
      ],
      action: ({ params, origin }) =>
        tokenRequest(clientCredentialsForm(params), {
          via: 'client-backend',
          clientAssertion: { aud: params.aud || `${origin}/oidc/token` },
        }),
      outcome: refusedAuthentication(
        (context) =>
          `The server accepted an assertion for the audience ${context.params.aud || `${context.origin}/oidc/token`}.`,
        'wrong_audience_assertion',
      ),
      exhibit: ({ values }) =>
        values.wrong_audience_assertion && values.registered_jwks
          ? {
              kind: 'client-assertion',
              jwt: values.wrong_audience_assertion,
              registeredJwks: values.registered_jwks,
            }
          : undefined,
    },
  ],
};
