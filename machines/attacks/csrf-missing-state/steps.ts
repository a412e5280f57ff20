import type { AttackScenario } from '../../../lib/attacks/types';
import { RFC } from '../../walkthrough/common-steps';
import { tokenRequest, tokenRequestStep } from '../../walkthrough/builders/token-request';
import { labCodeForm } from '../lab-code-form';
import { randomValue } from '../../walkthrough/secrets';
import { attackerKeepsCodeFor, attackerRole, clientAsksWhoIsSignedIn, victimLured } from '../common-steps';
import { webAppWithoutPkce } from './clients';
import { authorizationResponseStep } from '../../walkthrough/builders/authorization-response';
import { rfcSection } from '../../../lib/walkthrough/rfc';

const STATE = 'defense_state';
const CLIENT = webAppWithoutPkce.client_id;
const STATE_RFC = rfcSection(9700, '4.7.1');

/** RFC 9700 §4.7: login CSRF, the victim's client made to accept the attacker's authorization code. */
export const csrfMissingState: AttackScenario = {
  slug: 'csrf-missing-state',
  name: 'Login CSRF without state',
  attack:
    'The victim’s client accepts the attacker’s authorization code and signs the victim in as the attacker.',
  clientId: CLIENT,
  clientType: 'public',
  clients: [webAppWithoutPkce],
  roles: [attackerRole],
  summary:
    'The attacker signs in as itself (bob) for the victim’s client, but does not let the code reach the client: it keeps it. Then it lures alice to a page that sends her browser to the client’s redirect URI with bob’s code. A client that does not tie the response to a request it made redeems the code and signs alice in as bob: what she saves next (a card, a document) lands in the attacker’s account.',
  defaults: { [STATE]: 'off', state: '' },
  defenses: [
    {
      param: STATE,
      label: 'Defense: state parameter',
      does: 'The client binds a random state to this browser’s session before it sends the browser to the authorization server, and accepts a response only with that state back. A response it did not ask for carries no such state and is refused before any code is redeemed. (PKCE, absent here on purpose, would stop it too.)',
      rfc: STATE_RFC,
      alsoSets: (on) => ({ state: on ? randomValue(16) : '' }),
    },
  ],
  secrets: async () => ({}),
  serverSide: {
    error:
      'the authorization server refuses nothing and logs nothing: it issued bob’s code to bob, and alice’s client never sends a request. The refusal is the client’s own, state_mismatch',
    why: 'oidc-provider cannot tell which browser a code ends up in: the code is bound to the client and the redirect URI, both right. Only the client can know that this browser never started a request, which is what state (or PKCE’s code_verifier, or the OpenID Connect nonce) tells it. This lab client registers with pkce.required returning false, so the server asks for no code_challenge.',
  },
  incident: {
    text: '2012: Egor Homakov showed that many sites’ “connect your social account” flows sent no state, so an attacker could attach its own account to a victim’s and later sign in as the victim; he called it the most common OAuth 2 vulnerability.',
    href: 'https://homakov.blogspot.com/2012/07/saferweb-most-common-oauth2.html',
    source: 'Egor Homakov’s blog',
  },
  steps: [
    attackerKeepsCodeFor(CLIENT, {
      title: 'The attacker gets a code for its own account, and keeps it',
      explanation:
        'In its own browser session the attacker starts the client’s authorization request, signs in as bob and consents. When the server redirects with the code, the attacker stops: the code for bob, issued to the victim’s client, is still unredeemed.',
      rfc: RFC.authorizationRequest,
    }),
    victimLured({
      title: 'alice opens the attacker’s page',
      explanation:
        'A link in a mail or a hidden image: the attacker’s page sends alice’s browser to the client’s redirect URI with bob’s code, as if alice had just signed in. alice started nothing.',
      rfc: STATE_RFC,
    }),
    authorizationResponseStep({
      id: 'callback',
      title: 'The client receives a code it never asked for',
      explanation:
        'The code arrives at the redirect URI in alice’s browser. A client that sent no state has nothing to compare, so it takes the code.',
      from: 'resource-owner',
    }),
    tokenRequestStep(
      {
        id: 'redeem',
        title: 'The client redeems the attacker’s code',
        explanation:
          'The client exchanges the code at the token endpoint. The server sees nothing wrong: the code was issued to this client, for this redirect URI, and no PKCE was asked for.',
        rfc: RFC.tokenRequest,
      },
      (context) => tokenRequest(labCodeForm(context, CLIENT, { codeVerifier: false }), { via: 'browser' }),
    ),
    clientAsksWhoIsSignedIn(
      'The client asks userinfo whose tokens it holds, to show the signed-in user. It is bob: alice now works inside the attacker’s account.',
    ),
  ],
  handOff: { step: 'lure', receivedAt: '/api/attacker/forged-callback' },
  verdict: ({ error, values }) => {
    if (error?.error === 'state_mismatch')
      return {
        outcome: 'blocked',
        by: 'the client (state bound to the browser session)',
        error,
        detail: 'The attacker’s code for bob was never redeemed: the client sent no request at all.',
      };
    if (values.whoami_status !== '200') return undefined;
    if (values.signed_in_as !== 'bob') return undefined;
    return {
      outcome: 'succeeded',
      proof:
        'The victim’s client redeemed the attacker’s code and is signed in as bob (userinfo answered sub: bob), in alice’s browser.',
    };
  },
};
