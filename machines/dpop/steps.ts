import { PARAMS, RFC, tokenOutcome } from '../walkthrough/common-steps';
import { pkceSecrets } from '../walkthrough/secrets';
import { authorizationRequest, codeRequestParameters } from '../walkthrough/builders/authorization-request';
import { authorizationCodeForm, tokenRequest } from '../walkthrough/builders/token-request';
import type { RegisteredGrant } from '../../lib/grants/catalogue';
import type { WalkthroughContext } from '../../lib/walkthrough/types';
import { answered, dpopApiCall, DPOP_RFC, nonceOrTokens, proofExhibit, refused, withProof } from './proof';
import { ATTACKER, PARTY_HEADER } from '../../lib/attacks/party';
import { dpopApp } from './client';
import { authorizationResponseStep } from '../walkthrough/builders/authorization-response';

const CLIENT_ID = dpopApp.client_id;
const API = {
  account: '/api/v1/accounts/verify_credentials',
  statuses: '/api/v1/statuses',
} as const;

/** The code for tokens from the browser (RFC 6749 §4.1.3), with a DPoP proof (and the nonce once asked). */
const codeForTokens = (context: WalkthroughContext, nonce?: string) =>
  tokenRequest(authorizationCodeForm(context, CLIENT_ID), { via: 'browser', dpop: nonce ? { nonce } : {} });

/** RFC 9449: an access token bound to a key the browser keeps, useless to whoever steals the token alone. */
export const dpop: RegisteredGrant = {
  slug: 'dpop',
  name: 'DPoP: sender-constrained tokens',
  clientId: CLIENT_ID,
  clientType: dpopApp.type,
  clients: [dpopApp],
  summary:
    'The app makes a key pair in the browser (WebCrypto, the private key cannot be exported) and signs a short proof for each request. The token it gets is bound to that key: a stolen token, replayed without a fresh proof by the same key, is refused.',
  catalogue: {
    rfc: 'RFC 9449',
    status: 'recommended',
    useWhen:
      'Any client whose tokens could leak (browser apps, mobile apps, high-value APIs): binds the token to a key the thief does not have.',
    family: 'modern',
    profiles: ['FAPI 2.0 (sender-constrained tokens)'],
  },
  defaults: {
    scope: 'read write',
    state: '',
  },
  // The thief of the replay step: a party of its own on the diagram, holding only what it presents.
  roles: [{ id: ATTACKER, title: 'Attacker', playsAs: 'client', clientId: ATTACKER, holds: [] }],
  secrets: pkceSecrets,
  steps: [
    {
      id: 'authorization-request',
      title: 'Send the browser to the authorization server (code with PKCE)',
      explanation:
        'An ordinary authorization request with PKCE. Before it, the app made an ES256 key pair with WebCrypto, marked non-extractable and kept in this browser’s IndexedDB: the private key can sign but no script can read it. resource names the playground API, so the token will be a JWT whose binding you can read.',
      rfc: RFC.pkce,
      from: 'client',
      to: 'authorization-server',
      channel: 'front',
      params: [PARAMS.scope, PARAMS.state],
      action: (context) =>
        authorizationRequest(
          codeRequestParameters(context, CLIENT_ID, {
            scope: context.params.scope,
            state: context.params.state,
            resource: `${context.origin}/api`,
          }),
        ),
    },
    authorizationResponseStep({
      explanation:
        'As in any code flow, the code arrives in the address. The key pair stayed in the browser: nothing about it has been sent yet.',
    }),
    {
      id: 'token-request',
      title: 'Token request with a DPoP proof: the server asks for its nonce',
      explanation:
        'The app calls the token endpoint from the browser with a DPoP header: a JWT of type dpop+jwt whose header carries the public key (jwk) and whose claims say which request it is for (htm, htu), when (iat) and a unique jti. This client is registered with dpop_bound_access_tokens, and the server wants a fresh nonce of its own in every proof: it refuses with use_dpop_nonce and sends one in the DPoP-Nonce header.',
      rfc: DPOP_RFC.nonce,
      from: 'client',
      to: 'authorization-server',
      channel: 'back',
      action: (context) => codeForTokens(context),
      exhibit: (context) => proofExhibit(context, codeForTokens(context)),
      outcome: nonceOrTokens,
    },
    {
      id: 'token-request-with-nonce',
      title: 'The same request with the server’s nonce: a DPoP-bound token',
      explanation:
        'A new proof (a new jti), now with the nonce claim. The server checks the signature with the jwk in the proof, binds the access token to that key’s thumbprint and answers token_type DPoP. The JWT’s cnf.jkt (Tokens, below) is the thumbprint of the browser’s public key.',
      rfc: DPOP_RFC.tokenRequest,
      from: 'client',
      to: 'authorization-server',
      channel: 'back',
      action: (context) => codeForTokens(context, context.values.dpop_nonce ?? ''),
      exhibit: (context) => proofExhibit(context, codeForTokens(context, context.values.dpop_nonce ?? '')),
      outcome: (_context, result) => withProof(tokenOutcome(result), result),
    },
    dpopApiCall(
      {
        id: 'call-api',
        title: 'Call the API with the DPoP scheme and a fresh proof',
        explanation:
          'Authorization: DPoP <token>, and a new proof for GET on this URL whose ath is the hash of the token. The playground’s resource server verifies the proof with jose: signature by the embedded key, typ, htm, htu, iat, ath, its key’s thumbprint equal to the token’s cnf.jkt, and a jti it has not seen (it remembers each for five minutes).',
        rfc: DPOP_RFC.resource,
        outcome: answered,
      },
      'GET',
      API.account,
    ),
    dpopApiCall(
      {
        id: 'post-status',
        title: 'Another call, another proof: post a private toot',
        explanation:
          'Every request needs its own proof: this one says POST and the statuses URL, with a new jti. A proof cannot be reused for a second request.',
        rfc: DPOP_RFC.proof,
        outcome: answered,
      },
      'POST',
      API.statuses,
      undefined,
      (context) => ({ status: `Hello from the ${context.slug} walkthrough`, visibility: 'direct' }),
    ),
    {
      id: 'replay-as-bearer',
      title: 'A thief replays the token as a Bearer token',
      explanation:
        'Someone who copied the access token (from a log, a proxy, a leaky extension) sends it as Bearer, without a proof. The token is bound to a key (cnf.jkt), so the resource server refuses it with 401 and a WWW-Authenticate: DPoP challenge.',
      rfc: DPOP_RFC.bearer,
      // The thief, not the client: this browser plays it, and the request names it so it is drawn as it.
      from: 'attacker',
      to: 'resource-server',
      channel: 'back',
      action: ({ tokens }) => ({
        kind: 'send',
        via: 'browser',
        request: {
          method: 'GET',
          path: API.account,
          headers: { authorization: `Bearer ${tokens.access_token ?? ''}`, [PARTY_HEADER]: ATTACKER },
        },
      }),
      outcome: refused('invalid_token', 'The resource server accepted a DPoP-bound token without a proof.'),
    },
    dpopApiCall(
      {
        id: 'proof-for-another-request',
        title: 'A proof made for another request is refused',
        explanation:
          'The app signs a proof for POST on the statuses URL and sends it with a GET of the account URL, as someone replaying a captured proof elsewhere would. htm and htu do not match this request: 401, invalid_dpop_proof.',
        rfc: DPOP_RFC.resource,
        outcome: refused(
          'invalid_dpop_proof',
          'The resource server accepted a proof made for another request.',
        ),
      },
      'GET',
      API.account,
      { htm: 'POST', path: API.statuses },
    ),
  ],
};
