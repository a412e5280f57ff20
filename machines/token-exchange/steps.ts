import { PARAMS, RFC, tokenOutcome } from '../walkthrough/common-steps';
import { pkceSecrets } from '../walkthrough/secrets';
import { authorizationRequest, codeRequestParameters } from '../walkthrough/builders/authorization-request';
import { authorizationCodeForm, tokenRequest } from '../walkthrough/builders/token-request';
import type { RegisteredGrant } from '../../lib/grants/catalogue';
import { ASSISTANT } from '../../lib/oidc/resource-server';
import type { WalkthroughContext } from '../../lib/walkthrough/types';
import { assistant, assistantApp } from './client';
import { proofExhibit } from '../dpop/proof';
import { agentCall } from './agent-call';
import { exchange, EXCHANGE_SCOPE, refusedWith, RFC_8693 } from './exchange-request';
import { proofShown, SENDER_CONSTRAINT, subjectTokenOutcome, subjectTokenProof } from './sender-constraint';
import { authorizationResponseStep } from '../walkthrough/builders/authorization-response';

const APP_ID = assistantApp.client_id;
const AGENT_ID = assistant.client_id;
/** An audience this server does not issue exchanged tokens for: the refusal's example. */
export const FOREIGN_AUDIENCE = 'https://mail.example/api';

/** The chat app redeems the code from the browser (RFC 7636), with a DPoP proof when the learner chose it. */
const subjectTokenRequest = (context: WalkthroughContext) =>
  tokenRequest(authorizationCodeForm(context, APP_ID), { via: 'browser', ...subjectTokenProof(context) });

/** RFC 8693: an agent exchanges a user's token for a narrower one to call an API on the user's behalf. */
export const tokenExchange: RegisteredGrant = {
  slug: 'token-exchange',
  name: 'Token exchange for an agent',
  clientId: APP_ID,
  clientType: assistantApp.type,
  clients: [assistantApp, assistant],
  roles: [
    {
      id: 'assistant',
      title: 'Assistant (agent)',
      playsAs: 'client',
      clientId: ASSISTANT.clientId,
      holds: ['its client secret (server-side)'],
    },
  ],
  summary:
    'Alice asks an assistant to act for her. The chat app gets her a token meant for the assistant; the assistant exchanges it, with its own token as the actor, for a narrower token for the API. The new token says sub = alice and act = the assistant, and the API sees who acted for whom.',
  catalogue: {
    rfc: 'RFC 8693',
    status: 'special-purpose',
    useWhen:
      'An AI agent or a downstream API that acts for a user: it trades the token it received for a narrower one, for the next API, that names it as the actor.',
    family: 'modern',
  },
  defaults: {
    scope: 'read write',
    state: '',
    exchange_scope: 'read:accounts write:statuses',
    sender_constraint: 'Bearer',
  },
  secrets: pkceSecrets,
  steps: [
    {
      id: 'authorization-request',
      title: 'Alice lets the chat app get a token for the assistant',
      explanation:
        'The chat app, where alice talks to the assistant, sends her browser to the authorization server (code with PKCE). resource names the assistant itself: the token will be for the assistant’s audience, not for the API.',
      rfc: RFC.pkce,
      from: 'client',
      to: 'authorization-server',
      channel: 'front',
      params: [PARAMS.scope, PARAMS.state],
      action: (context) =>
        authorizationRequest(
          codeRequestParameters(context, APP_ID, {
            scope: context.params.scope,
            state: context.params.state,
            resource: `${context.origin}${ASSISTANT.path}`,
          }),
        ),
    },
    authorizationResponseStep({
      explanation: 'The chat app checks state and keeps the code for the token request.',
    }),
    {
      id: 'token-request',
      title: 'The chat app redeems the code: alice’s token, for the assistant',
      explanation:
        'From the browser, with the code_verifier and no client secret. The access token is a JWT whose aud is the assistant: the API would refuse it. The chat app hands it to the assistant; in the exchange below it is the subject_token. With Sender constraint DPoP, the request also carries a DPoP proof signed in this browser with the run’s key (the DPoP walkthrough’s: non-extractable, kept in IndexedDB): the server answers token_type DPoP and writes the key’s thumbprint into the token’s cnf.jkt (RFC 9449 §5).',
      rfc: RFC.tokenRequest,
      from: 'client',
      to: 'authorization-server',
      channel: 'back',
      params: [SENDER_CONSTRAINT],
      action: subjectTokenRequest,
      exhibit: (context) => proofExhibit(context, subjectTokenRequest(context)),
      outcome: subjectTokenOutcome,
    },
    {
      id: 'actor-token',
      title: 'The assistant gets a token of its own (client credentials)',
      explanation:
        'The assistant’s backend authenticates with its client secret (HTTP Basic) and gets a token that says who it is. In the exchange it is the actor_token: proof of the party that will act.',
      rfc: RFC.clientCredentials,
      from: 'client',
      to: 'authorization-server',
      channel: 'back',
      action: () =>
        tokenRequest({ grant_type: 'client_credentials' }, { via: 'client-backend', clientId: AGENT_ID }),
      outcome: (_context, result) => {
        const outcome = tokenOutcome(result);
        return outcome.kind === 'succeeded'
          ? { kind: 'succeeded', tokens: { actor_token: outcome.tokens?.access_token } }
          : outcome;
      },
    },
    {
      id: 'token-exchange',
      title: 'Exchange alice’s token for one to call the API',
      explanation:
        'grant_type urn:ietf:params:oauth:grant-type:token-exchange, with subject_token (alice’s token for the assistant), actor_token (the assistant’s own), resource (the API) and a narrower scope. The assistant’s backend adds its client secret. The answer is a JWT for the API with sub alice and act.sub the assistant (Tokens, below). With DPoP chosen, alice’s token is bound (cnf.jkt), and the server validates a subject token as a resource would (RFC 8693 §2.1): it takes it only with a proof by that key (RFC 9449 §7.1), which this browser signs and the assistant’s backend forwards. The new token is bound to the same key, token_type DPoP with the same cnf.jkt (RFC 9449 §5), so the exchange cannot strip the binding; without a proof, invalid_grant (RFC 8693 §2.2.2).',
      rfc: RFC_8693.request,
      from: 'client',
      to: 'authorization-server',
      channel: 'back',
      params: [EXCHANGE_SCOPE],
      action: (context) =>
        exchange(context, { resource: `${context.origin}/api` }, context.params.exchange_scope ?? ''),
      exhibit: (context) =>
        proofExhibit(
          context,
          exchange(context, { resource: `${context.origin}/api` }, context.params.exchange_scope ?? ''),
        ),
      outcome: (_context, result) => {
        const outcome = tokenOutcome(result);
        return outcome.kind === 'succeeded' && result.dpopProof
          ? { ...outcome, tokens: { ...outcome.tokens, ...proofShown(result) } }
          : outcome;
      },
    },
    agentCall(
      {
        id: 'verify-credentials',
        title: 'The assistant calls the API as alice',
        explanation:
          'The assistant’s backend presents the new token as a Bearer token. The API verifies the JWT and answers with alice’s account: the token’s sub is alice, whoever presents it. With DPoP, the token is bound: it goes as Authorization: DPoP with a fresh proof by the same key whose ath is the token’s hash (RFC 9449 §7.1), and alone it is refused.',
      },
      'GET',
      '/api/v1/accounts/verify_credentials',
    ),
    agentCall(
      {
        id: 'post-status',
        title: 'The API says who acted for whom',
        explanation:
          'The assistant posts a private toot for alice. The status is alice’s, and its application names the assistant acting for her: the API read act.sub from the token.',
      },
      'POST',
      '/api/v1/statuses',
      (context) => ({ status: `Posted by the assistant for alice (${context.slug})`, visibility: 'direct' }),
    ),
    {
      id: 'wider-scope',
      title: 'A wider scope is refused',
      explanation:
        'The assistant asks for follow too, which alice’s token does not allow. An exchange never widens what the user granted: invalid_scope.',
      rfc: RFC_8693.error,
      from: 'client',
      to: 'authorization-server',
      channel: 'back',
      action: (context) => exchange(context, { resource: `${context.origin}/api` }, 'read write follow'),
      outcome: refusedWith('invalid_scope', 'The server issued a token wider than the subject token.'),
    },
    {
      id: 'other-audience',
      title: 'Another audience is refused',
      explanation: `The assistant asks for a token for ${FOREIGN_AUDIENCE}, an API this server does not issue exchanged tokens for: invalid_target.`,
      rfc: RFC_8693.error,
      from: 'client',
      to: 'authorization-server',
      channel: 'back',
      action: (context) =>
        exchange(context, { audience: FOREIGN_AUDIENCE }, context.params.exchange_scope ?? ''),
      outcome: refusedWith('invalid_target', 'The server issued a token for an audience it does not know.'),
    },
  ],
};
