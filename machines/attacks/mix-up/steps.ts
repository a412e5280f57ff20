import type { AttackScenario } from '../../../lib/attacks/types';
import type { StepOutcome } from '../../../lib/walkthrough/types';
import { CALLBACK_PATH, RFC } from '../../walkthrough/common-steps';
import { authorizationRequest } from '../../walkthrough/builders/authorization-request';
import { pkceSecrets } from '../../walkthrough/secrets';
import { tokenRequest } from '../../walkthrough/builders/token-request';
import { labCodeForm, labCodeRequest } from '../lab-code-form';
import {
  attackerCallsApi,
  attackerRedeemsCode,
  attackerRole,
  errorOf,
  HELD,
  isOn,
  observed,
  refusalObserved,
} from '../common-steps';
import { CLIENT_ID_AT_ATTACKER, mixUpClient } from './clients';
import { authorizationResponseStep } from '../../walkthrough/builders/authorization-response';
import { rfcSection } from '../../../lib/walkthrough/rfc';
import { jsonMembers } from '../../../lib/walkthrough/response-bodies';

const ISS = 'defense_iss';
const CLIENT = mixUpClient.client_id;
const ISS_RFC = rfcSection(9207, '2.4');
const MIX_UP_RFC = rfcSection(9700, '4.4');
const METADATA_RFC = rfcSection(8414, '3');

/** What the client reads from the chosen server's metadata (RFC 8414 §2), into the run's values. */
function chosenServer(on: boolean, body: unknown): StepOutcome | undefined {
  const { issuer, authorization_endpoint, token_endpoint } = jsonMembers(body);
  if (
    typeof issuer !== 'string' ||
    typeof authorization_endpoint !== 'string' ||
    typeof token_endpoint !== 'string'
  )
    return undefined;
  return {
    kind: 'succeeded',
    values: {
      chosen_issuer: issuer,
      chosen_authorization_endpoint: authorization_endpoint,
      chosen_token_endpoint: token_endpoint,
      // callback.ts compares the response's iss with expected_issuer; empty means "not checked".
      expected_issuer: on ? issuer : '',
    },
  };
}

/** RFC 9700 §4.4: mix-up, the code from the honest server sent to the attacker's token endpoint. */
export const mixUp: AttackScenario = {
  slug: 'mix-up',
  name: 'Mix-up between authorization servers',
  attack: 'A client of two authorization servers sends alice’s code to the attacker’s token endpoint.',
  clientId: CLIENT,
  clientType: 'public',
  clients: [mixUpClient],
  roles: [
    {
      ...attackerRole,
      holds: ['an authorization server of its own, registered at the client (the lab’s /api/attacker/as)'],
    },
  ],
  vulnerableRoutes: [
    '/.well-known/oauth-authorization-server/api/attacker/as',
    '/api/attacker/as/authorize',
    '/api/attacker/as/token',
  ],
  signsIn: 'alice',
  summary:
    'The client lets alice sign in with one of two authorization servers: the playground’s, and another one that turns out to be the attacker’s. Both send her back to the same redirect URI. alice picks the attacker’s; its authorization endpoint quietly sends her on to the honest server, where she signs in as usual. The code comes back to the client, which still believes it came from the server alice chose, and sends it, with its PKCE code_verifier, to the attacker’s token endpoint. PKCE does not help: the client itself hands the verifier to the attacker. The response’s iss, which the honest server always sends, names who really issued the code: a client that compares it with the server it sent alice to refuses before sending the code anywhere.',
  defaults: { [ISS]: 'off' },
  defenses: [
    {
      param: ISS,
      label: 'Defense: check iss (RFC 9207)',
      does: 'The client remembers which server it sent alice to and compares the iss of the authorization response with that server’s issuer, by simple string comparison. A response that names another issuer is refused, and the code goes to no token endpoint.',
      rfc: ISS_RFC,
    },
  ],
  secrets: pkceSecrets,
  serverSide: {
    error:
      'neither server refuses anything: the honest server issued alice’s code to its own client and sent iss with it. The refusal is the client’s own, issuer_mismatch, before any token request',
    why: 'oidc-provider puts iss into every authorization response that carries no ID token (RFC 9207 §2); it cannot know that the client believes it is talking to another server. Only the client knows which server it sent alice to, so only the client can notice that the answer came from a different one. PKCE binds the code to the client’s verifier, but the client sends that verifier to whichever token endpoint it believes is right: the attacker’s, here.',
  },
  incident: {
    text: '2016: Fett, Küsters and Schmitz found the mix-up attack while formally analysing OAuth 2.0; it works against clients of several authorization servers and led to RFC 9207’s iss parameter.',
    href: 'https://arxiv.org/abs/1601.01229',
    source: 'A Comprehensive Formal Security Analysis of OAuth 2.0 (arXiv:1601.01229)',
  },
  steps: [
    {
      id: 'choose-server',
      title: 'alice picks the attacker’s server at the client',
      explanation:
        'The client offers two servers to sign in with. alice picks the second one, which the attacker runs. The client reads that server’s metadata: its issuer, its authorization and token endpoints. With the defense on it remembers the issuer, to compare with the response’s iss.',
      rfc: METADATA_RFC,
      from: 'client',
      to: 'attacker',
      channel: 'back',
      action: () => ({
        kind: 'send',
        via: 'browser',
        request: { method: 'GET', path: '/.well-known/oauth-authorization-server/api/attacker/as' },
      }),
      outcome: (context, result) =>
        (result.status === 200 ? chosenServer(isOn(context, ISS), result.body) : undefined) ?? {
          kind: 'failed',
          error: errorOf(result),
        },
    },
    {
      id: 'authorization-request',
      title: 'The client sends alice to the attacker’s authorization endpoint',
      explanation:
        'The client sends alice to the chosen server with its client_id there, its redirect URI, state and a PKCE code_challenge. The attacker’s endpoint answers 303: it swaps in the client’s client_id at the honest server and sends alice on, everything else unchanged. alice signs in at the honest server, which she trusts.',
      rfc: MIX_UP_RFC,
      from: 'client',
      to: 'attacker',
      channel: 'front',
      action: (context) =>
        authorizationRequest(
          labCodeRequest(context, CLIENT_ID_AT_ATTACKER, {
            scope: 'openid read',
            state: context.values.state,
            code_challenge: context.values.code_challenge,
            code_challenge_method: 'S256',
          }),
          context.values.chosen_authorization_endpoint ?? '/api/attacker/as/authorize',
        ),
    },
    authorizationResponseStep({
      title: 'The honest server’s code comes back, with its iss',
      explanation:
        'The honest server redirects to the client’s redirect URI with the code, the state and iss, its own issuer. The state is right: the attacker passed it through. Only iss tells which server issued the code. With the defense on, the client compares it with the attacker’s issuer and stops here.',
      rfc: ISS_RFC,
    }),
    {
      id: 'client-token-request',
      title: 'The client redeems the code at the attacker’s token endpoint',
      explanation:
        'Believing the code came from the server alice chose, the client sends it to that server’s token endpoint, with its code_verifier. The attacker keeps both and answers with a refusal, so alice just sees a failed sign-in.',
      rfc: RFC.tokenRequest,
      from: 'client',
      to: 'attacker',
      channel: 'back',
      action: (context) =>
        tokenRequest(labCodeForm(context, CLIENT_ID_AT_ATTACKER), {
          via: 'browser',
          path: context.values.chosen_token_endpoint ?? '/api/attacker/as/token',
        }),
      outcome: (_context, result) => observed('client_token', result),
    },
    attackerRedeemsCode({
      title: 'The attacker redeems alice’s code at the honest server',
      explanation:
        'The attacker sends the code to the honest token endpoint as the client (a public client: its client_id is all it takes), with the code_verifier the client gave it. The server sees the right client, redirect URI and verifier.',
      path: '/api/attacker/as/redeem',
      sends: ({ origin, values }) => ({
        code: values.code ?? HELD('alice’s code'),
        redirect_uri: `${origin}${CALLBACK_PATH}`,
        client_id: CLIENT,
        code_verifier: values.code_verifier ?? HELD('the client’s code_verifier'),
      }),
    }),
    attackerCallsApi(
      'With the access token the honest server gave it, the attacker asks the API whose account it is.',
    ),
  ],
  handOff: { step: 'client-token-request', receivedAt: '/api/attacker/as/token' },
  verdict: ({ error, values }) => {
    if (error?.error === 'issuer_mismatch')
      return {
        outcome: 'blocked',
        by: 'the client (iss checked against the server alice chose, RFC 9207)',
        error,
        detail:
          'The client sent the code and its code_verifier to no token endpoint: the attacker holds nothing.',
      };
    if (values.api_status === undefined) return undefined;
    if (values.api_status === '200')
      return {
        outcome: 'succeeded',
        proof: `The client sent alice’s code and its code_verifier to the attacker’s token endpoint; the attacker redeemed both at the honest server as ${CLIENT}, called GET /api/v1/accounts/verify_credentials and was answered with @${values.api_acct ?? '?'}’s account. PKCE did not stop it.`,
      };
    return {
      outcome: 'blocked',
      by: 'the authorization server',
      error: refusalObserved(values, 'redeem'),
      detail: 'The attacker holds a code it could not redeem, and no access token.',
    };
  },
};
