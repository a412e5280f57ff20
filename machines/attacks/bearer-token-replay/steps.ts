import type { AttackScenario } from '../../../lib/attacks/types';
import type { WalkthroughContext } from '../../../lib/walkthrough/types';
import { RFC, tokenOutcome } from '../../walkthrough/common-steps';
import { labCodeRequest } from '../lab-code-form';
import { authorizationRequest } from '../../walkthrough/builders/authorization-request';
import { pkceSecrets } from '../../walkthrough/secrets';
import { authorizationCodeForm, tokenRequest } from '../../walkthrough/builders/token-request';
import { DPOP_RFC, nonceOrTokens, withProof } from '../../dpop/proof';
import { attackerRole, HELD, isOn, tokenLeaks, attackerServerCall } from '../common-steps';
import { spaWithBearerTokens, spaWithDpop } from './clients';
import { ACCOUNT, replayed, replayVerdict } from './verdict';
import { authorizationResponseStep } from '../../walkthrough/builders/authorization-response';
import { bearerRequest } from '../../walkthrough/builders/api-call';
import { rfcSection } from '../../../lib/walkthrough/rfc';

const DPOP = 'defense_dpop';

/** The defense picks the client: the same SPA, registered for DPoP-bound tokens or (deliberately) not. */
const clientOf = (context: WalkthroughContext) =>
  isOn(context, DPOP) ? spaWithDpop.client_id : spaWithBearerTokens.client_id;

/** The token request from the browser: with a DPoP proof when the app binds its tokens (and the nonce once asked). */
const codeForTokens = (context: WalkthroughContext, nonce?: string) =>
  tokenRequest(authorizationCodeForm(context, clientOf(context)), {
    via: 'browser',
    ...(isOn(context, DPOP) ? { dpop: nonce ? { nonce } : {} } : {}),
  });

/** RFC 9700 §4.10.1 and RFC 9449 §1: a leaked access token replayed from the attacker's own machine. */
export const bearerTokenReplay: AttackScenario = {
  slug: 'bearer-token-replay',
  name: 'Bearer token replay',
  attack: 'A leaked access token is replayed from the attacker’s own server.',
  clientId: spaWithBearerTokens.client_id,
  clientType: 'public',
  clients: [spaWithBearerTokens, spaWithDpop],
  roles: [attackerRole],
  signsIn: 'alice',
  summary:
    'A single-page app gets an access token for alice (code flow with PKCE). The token leaks: a compromised browser extension reads it in the page and sends it to the attacker (a logging proxy or a careless resource server leak tokens the same way). The attacker replays it at the API from its own server. A bearer token works for whoever holds it. A DPoP-bound token works only with a fresh proof signed by the app’s private key, which never leaves alice’s browser.',
  defaults: { [DPOP]: 'off' },
  defenses: [
    {
      param: DPOP,
      label: 'Defense: DPoP sender-constrained tokens',
      does: 'The app makes a non-extractable key pair in the browser and signs a DPoP proof for every request. The server binds the access token to that key (cnf.jkt, token_type DPoP), and the API accepts it only with a fresh proof by that key: a copied token alone, or with a proof by any other key, is refused.',
      rfc: { label: 'RFC 9449 §1, §7.1', href: 'https://www.rfc-editor.org/rfc/rfc9449#section-1' },
    },
  ],
  secrets: pkceSecrets,
  serverSide: {
    error:
      'the resource server answers 401 invalid_token to both replays. As Bearer: WWW-Authenticate: DPoP algs="ES256 Ed25519 EdDSA", error="invalid_token", error_description="the access token is DPoP-bound: present it with Authorization: DPoP and a proof, not as a Bearer token". With a proof by the attacker’s key: error_description="the proof is signed by a key the access token is not bound to"',
    why: 'oidc-provider binds the token to the thumbprint (RFC 7638) of the key in the app’s proof and writes it into the JWT as cnf.jkt. The playground’s resource server (lib/oidc/dpop-resource-server.ts) refuses a token with cnf.jkt presented as Bearer, and otherwise verifies the proof with jose: signature by its embedded key, typ, htm, htu, iat, ath and a fresh jti, then compares that key’s thumbprint with cnf.jkt. The attacker’s proof is correct in every claim but its key is not the one the token names. Without the defense the token has no cnf at all, so the resource server has nothing to compare. DPoP does not help against a script that runs in the app’s own page: it can ask the browser to sign proofs there, though it cannot take the key away (RFC 9449 §11.1).',
  },
  incident: {
    text: 'April 2022: OAuth access tokens that Heroku and Travis CI held for their GitHub integrations were stolen and used from the attackers’ own machines to download private repositories of dozens of organisations: bearer tokens, valid for whoever held them.',
    href: 'https://github.blog/news-insights/company-news/security-alert-stolen-oauth-user-tokens/',
    source: 'GitHub blog',
  },
  steps: [
    {
      id: 'authorization-request',
      title: 'The app sends alice to sign in (code flow with PKCE)',
      explanation:
        'An ordinary authorization request with PKCE; resource names the playground API, so the access token will be a JWT whose binding you can read in Tokens. With the defense on, the app has made an ES256 key pair with WebCrypto first, non-extractable and kept in this browser’s IndexedDB. alice signs in and allows access.',
      rfc: RFC.pkce,
      from: 'resource-owner',
      to: 'authorization-server',
      channel: 'front',
      action: (context) =>
        authorizationRequest(
          labCodeRequest(context, clientOf(context), {
            scope: 'read',
            state: context.values.state,
            resource: `${context.origin}/api`,
            code_challenge: context.values.code_challenge,
            code_challenge_method: 'S256',
          }),
        ),
    },
    authorizationResponseStep({
      title: 'The code comes back to the app',
      explanation: 'The code arrives at the redirect URI with the state the app sent. Nothing is bound yet.',
    }),
    {
      id: 'token-request',
      title: 'The app redeems the code',
      explanation:
        'Without the defense, a plain token request: the answer is a bearer token. With it, the request carries a DPoP proof (a dpop+jwt with the public key in its header, htm, htu, iat and a jti); the app is registered with dpop_bound_access_tokens, so the server first wants a nonce of its own in the proof and answers use_dpop_nonce with a DPoP-Nonce header.',
      rfc: DPOP_RFC.nonce,
      from: 'client',
      to: 'authorization-server',
      channel: 'back',
      action: (context) => codeForTokens(context),
      outcome: nonceOrTokens,
    },
    {
      id: 'token-request-with-nonce',
      title: 'The same request with the server’s nonce: a DPoP-bound token',
      explanation:
        'A new proof, now with the nonce. The server checks it, binds the access token to the thumbprint of the browser’s public key (cnf.jkt in the JWT) and answers token_type DPoP.',
      rfc: DPOP_RFC.tokenRequest,
      from: 'client',
      to: 'authorization-server',
      channel: 'back',
      // Decided by the nonce the server asked for, not by the token this request obtains: once answered, the
      // step is still the request it sent (its history entry is read again to find its exchange).
      action: (context) =>
        context.values.dpop_nonce
          ? codeForTokens(context, context.values.dpop_nonce)
          : {
              kind: 'skip',
              reason: `The app already holds its ${context.tokens.token_type ?? 'bearer'} token: no proof, so no nonce to send.`,
            },
      outcome: (_context, result) => withProof(tokenOutcome(result), result),
    },
    tokenLeaks({
      id: 'leak',
      title: 'The access token leaks to the attacker',
      explanation:
        'A compromised browser extension reads the access token in the app’s page and posts it to the attacker’s server (a logging proxy, or a resource server that logs Authorization headers, leaks it the same way). It cannot take the private key: WebCrypto made it non-extractable.',
      rfc: rfcSection(9700, '4.10'),
      kind: 'access_token',
      clientOf,
    }),
    {
      id: 'replay-as-bearer',
      title: 'The attacker replays the token as a Bearer token',
      explanation:
        'From its own server the attacker calls GET /api/v1/accounts/verify_credentials with Authorization: Bearer and the leaked token. A bearer token needs nothing else. A DPoP-bound token (cnf.jkt) presented as Bearer is refused with 401 and a WWW-Authenticate: DPoP challenge.',
      rfc: DPOP_RFC.bearer,
      from: 'attacker',
      to: 'resource-server',
      channel: 'back',
      action: () =>
        attackerServerCall(
          { path: '/api/attacker/bearer-token-replay', form: { as: 'bearer' } },
          bearerRequest({
            method: 'GET',
            path: ACCOUNT,
            accessToken: HELD('the leaked access token'),
          }),
        ),
      outcome: replayed('bearer'),
    },
    {
      id: 'replay-with-own-proof',
      title: 'The attacker signs a DPoP proof with a key of its own',
      explanation:
        'The attacker makes its own ES256 key pair on its server and signs a proof for exactly this request (htm GET, this htu, ath the hash of the leaked token, a fresh jti), then sends Authorization: DPoP with it. The resource server verifies the proof and compares its key’s thumbprint with the token’s cnf.jkt.',
      rfc: DPOP_RFC.resource,
      from: 'attacker',
      to: 'resource-server',
      channel: 'back',
      action: (context) =>
        context.values.bearer_status === '200'
          ? { kind: 'skip', reason: 'The token alone already worked: the attacker needs no proof.' }
          : attackerServerCall(
              { path: '/api/attacker/bearer-token-replay', form: { as: 'dpop-own-key' } },
              {
                method: 'GET',
                path: ACCOUNT,
                headers: {
                  authorization: `DPoP ${HELD('the leaked access token')}`,
                  dpop: HELD('a proof signed with the attacker’s own key: htm GET, this htu, ath'),
                },
              },
            ),
      outcome: replayed('own_proof'),
    },
    {
      id: 'client-call',
      title: 'alice’s app calls the API as usual',
      explanation:
        'The legitimate use goes on: with the defense on, the app sends Authorization: DPoP and a fresh proof signed by its own key in the browser (ath binds it to the token); without it, the bearer token. Either way the API answers with alice’s account.',
      rfc: DPOP_RFC.resource,
      from: 'client',
      to: 'resource-server',
      channel: 'back',
      action: (context) => ({
        kind: 'send',
        via: 'browser',
        request: {
          method: 'GET',
          path: ACCOUNT,
          ...(isOn(context, DPOP)
            ? {
                headers: { authorization: `DPoP ${context.tokens.access_token ?? ''}` },
                dpop: { accessToken: context.tokens.access_token ?? '' },
              }
            : { headers: { authorization: `Bearer ${context.tokens.access_token ?? ''}` } }),
        },
      }),
      outcome: (context, result) => withProof(replayed('client_api')(context, result), result),
    },
  ],
  handOff: { step: 'leak', receivedAt: '/api/attacker/loot' },
  verdict: replayVerdict,
};
