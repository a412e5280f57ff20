import { attackerLink, manipulatedRedirectUri } from './lab/redirect-uri-link';
import type { AttackScenario } from '../../../lib/attacks/types';
import type { WalkthroughContext } from '../../../lib/walkthrough/types';
import { RFC } from '../../walkthrough/common-steps';
import {
  attackerCallsApi,
  attackerRedeemsCode,
  attackerRole,
  errorOf,
  HELD,
  isOn,
  observed,
  attackerServerCall,
} from '../common-steps';
import { spaExactRedirect, spaLooseRedirect } from './clients';
import { rfcSection } from '../../../lib/walkthrough/rfc';

// The attacker's route the redirect carries the stolen value to: an exchange into the Attacker.
const HAND_OFF_AT = '/api/attacker/catch';

const EXACT = 'defense_exact_redirect';
const EXACT_RFC = rfcSection(9700, '4.1.3');
const MANIPULATION_RFC = rfcSection(9700, '4.1.1');

/** The defense picks the client: the same app, its redirect URI matched exactly or (deliberately) by prefix. */
const clientOf = (context: WalkthroughContext) =>
  isOn(context, EXACT) ? spaExactRedirect.client_id : spaLooseRedirect.client_id;

/** RFC 9700 §4.1: a loosely matched redirect URI sends alice's code to the attacker's page. */
export const redirectUriManipulation: AttackScenario = {
  slug: 'redirect-uri-manipulation',
  name: 'Redirect URI manipulation',
  attack:
    'A redirect URI matched by prefix lets the attacker’s link send alice’s code to the attacker’s own page.',
  clientId: spaLooseRedirect.client_id,
  clientType: 'public',
  clients: [spaLooseRedirect, spaExactRedirect],
  roles: [attackerRole],
  signsIn: 'alice',
  summary:
    'The app registered the redirect URI /callback, and the server accepts any redirect_uri that starts with it. The attacker sends alice a link to the real authorization server for the real app, whose redirect_uri is /callback/../api/attacker/catch: it starts with the registered URI, but a URL parser resolves it to the attacker’s page. alice signs in on the genuine pages; her code goes to the attacker, who redeems it (the app uses no PKCE) and calls the API as alice.',
  defaults: { [EXACT]: 'off' },
  defenses: [
    {
      param: EXACT,
      label: 'Defense: exact redirect URI matching',
      does: 'The server compares the redirect_uri of a request with the registered ones as exact strings, oidc-provider’s own rule. A redirect_uri that only starts with a registered one is refused, and the server shows its own error page instead of redirecting anywhere: nothing reaches the attacker.',
      rfc: EXACT_RFC,
    },
  ],
  secrets: async () => ({}),
  serverSide: {
    error:
      'the authorization endpoint answers 400 invalid_redirect_uri “redirect_uri did not match any of the client’s registered redirect_uris”, on its own error page: it does not redirect',
    why: 'oidc-provider compares redirect_uri with the registered URIs as raw strings (Client#redirectUriAllowed), and has no setting to loosen it. The lab’s loose client gets a prefix match by a wrapper of that method for its client id alone, deliberately vulnerable. A refused redirect_uri is not trusted with even the error, so the server shows the error itself (RFC 6749 §4.1.2.1). In this lab the attacker tries its link before sending it, and that real answer is what the run shows: alice’s browser would have stopped at the same error page.',
  },
  incident: {
    text: '2014: Egor Homakov chained GitHub’s loose redirect_uri check, which accepted /callback/../ paths, with other bugs to steal GitHub OAuth codes and read private repositories.',
    href: 'https://homakov.blogspot.com/2014/02/how-i-hacked-github-again.html',
    source: 'Egor Homakov’s blog',
  },
  steps: [
    {
      id: 'try-link',
      title: 'The attacker tries its link first',
      explanation: `The attacker builds the app’s authorization request with redirect_uri ${manipulatedRedirectUri('<origin>')} and opens it itself, signed in as nobody. The server checks redirect_uri before anything else: a redirect to its sign-in page means the link will work; a refusal means it never will.`,
      rfc: MANIPULATION_RFC,
      from: 'attacker',
      to: 'authorization-server',
      channel: 'back',
      action: (context) =>
        attackerServerCall(
          { path: '/api/attacker/try-link', form: { client_id: clientOf(context) } },
          { method: 'GET', path: attackerLink(context.origin, clientOf(context)) },
        ),
      // The server's refusal ends the attack here: there is no link worth sending to alice.
      outcome: (_context, result) =>
        result.status === 200 ? observed('link', result) : { kind: 'failed', error: errorOf(result) },
    },
    {
      id: 'lure',
      title: 'alice follows the attacker’s link and signs in',
      explanation:
        'The link goes to the genuine authorization server, for the genuine app: alice signs in and consents on the real pages. Only the redirect_uri is the attacker’s.',
      rfc: RFC.authorizationRequest,
      from: 'resource-owner',
      to: 'authorization-server',
      channel: 'front',
      action: (context) => ({ kind: 'navigate', path: attackerLink(context.origin, clientOf(context)) }),
    },
    {
      id: 'caught',
      title: 'The code lands on the attacker’s page',
      explanation:
        'The server redirects to the redirect_uri it accepted, with the code. Resolved, /callback/../api/attacker/catch is the attacker’s page: it keeps the code and sends alice on to the app’s redirect URI empty-handed, where it looks like a sign-in that did not work.',
      rfc: RFC.authorizationResponse,
      from: 'authorization-server',
      to: 'attacker',
      channel: 'front',
      action: () => ({ kind: 'callback', arrivesAt: HAND_OFF_AT }),
    },
    attackerRedeemsCode({
      title: 'The attacker redeems alice’s code',
      explanation:
        'The attacker sends the code to the token endpoint with the app’s client_id and the same manipulated redirect_uri, which the server compares exactly with the one the code was issued for. The app uses no PKCE, so nothing else is asked.',
      path: '/api/attacker/redeem-code',
      sends: (context) => ({
        code: HELD('alice’s code, caught on its page'),
        redirect_uri: manipulatedRedirectUri(context.origin),
        client_id: clientOf(context),
      }),
    }),
    attackerCallsApi(
      'With the access token alice’s code got it, the attacker asks the API whose account it is.',
    ),
  ],
  handOff: { step: 'caught', receivedAt: HAND_OFF_AT },
  verdict: ({ error, values }) => {
    if (error?.error === 'invalid_redirect_uri')
      return {
        outcome: 'blocked',
        by: 'the authorization server (exact redirect URI matching)',
        error,
        detail:
          'The server refused the attacker’s redirect_uri and redirects nowhere with it: the attacker has no link to send alice, and no code.',
      };
    if (values.api_status !== '200') return undefined;
    return {
      outcome: 'succeeded',
      proof: `The code went to the attacker’s page; the attacker redeemed it, called GET /api/v1/accounts/verify_credentials and was answered with @${values.api_acct ?? '?'}’s account.`,
    };
  },
};
