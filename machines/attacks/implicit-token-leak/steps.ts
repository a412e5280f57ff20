import type { AttackScenario } from '../../../lib/attacks/types';
import { query } from '../../walkthrough/common-steps';
import { randomValue, s256 } from '../../walkthrough/secrets';
import { attackerCallsApi, attackerRole, isOn, refusalObserved } from '../common-steps';
import { IMPLICIT_APP_PATH, implicitAppRedirectUri, implicitAppWithOpenRedirect } from './clients';
import { rfcSection } from '../../../lib/walkthrough/rfc';

// The attacker's route the redirect carries the stolen value to: an exchange into the Attacker.
const HAND_OFF_AT = '/api/attacker/token-catcher';

const CODE_FLOW = 'defense_code_flow';
const CLIENT = implicitAppWithOpenRedirect.client_id;
/** The attacker's page (machines/attacks/implicit-token-leak/lab/token-catcher.ts), where the app's open redirect is told to return. */
const ATTACKER_PAGE = '/attacks/attacker/token-catcher';
const IMPLICIT_RFC = rfcSection(9700, '2.1.2');
const OPEN_REDIRECT_RFC = rfcSection(9700, '4.11.1');

/**
 * The app's own state, named apart from `state`: the run ends on the attacker's page handing the tab
 * back to the lab, not on an authorization response, so there is no state to compare there. Its PKCE
 * pair too: made for every run, used only by the code flow, so the diagram does not show the implicit
 * app holding a verifier it never uses.
 */
async function secrets() {
  const app_code_verifier = randomValue(32);
  return {
    client_state: randomValue(16),
    nonce: randomValue(16),
    app_code_verifier,
    app_code_challenge: await s256(app_code_verifier),
  };
}

/** RFC 9700 §4.2 and §4.11: the implicit flow's token, in the fragment, carried by an open redirect to the attacker. */
export const implicitTokenLeak: AttackScenario = {
  slug: 'implicit-token-leak',
  name: 'Implicit flow token leak',
  attack: 'The access token in the URL fragment follows the app’s open redirect to the attacker’s page.',
  clientId: CLIENT,
  clientType: 'public',
  clients: [implicitAppWithOpenRedirect],
  roles: [attackerRole],
  vulnerableRoutes: [`${IMPLICIT_APP_PATH}/sign-in`, `${IMPLICIT_APP_PATH}/callback`],
  signsIn: 'alice',
  summary:
    'A single-page app uses the implicit flow: its access token comes back in the URL fragment of its redirect URI. That redirect URI has a common bug: it forwards the browser to a “return to” path its sign-in link carried, without checking it is the app’s own. The attacker sends alice a sign-in link of the app whose “return to” is the attacker’s page. alice signs in as usual; the server sends the token to the app’s exact, registered redirect URI; the app forwards her with a 303 whose Location has no fragment, so the browser keeps the fragment, token included, on the attacker’s page. Its script reads it and the attacker calls the API as alice. A fragment is never sent in a Referer header, so a Referrer-Policy does not stop this; keeping tokens out of the URL does.',
  defaults: { [CODE_FLOW]: 'off' },
  defenses: [
    {
      param: CODE_FLOW,
      label: 'Defense: code flow with PKCE instead of implicit',
      does: 'The app asks for response_type=code with a PKCE code_challenge. No token travels in the URL: the code comes back in the query, which the 303 to the attacker’s page does not carry, and even a leaked code is useless without the code_verifier, which never leaves the app.',
      rfc: IMPLICIT_RFC,
    },
  ],
  secrets,
  serverSide: {
    error:
      'the authorization server refuses nothing: it sent the code to the app’s registered redirect URI. The attacker’s own server answers its API call 409 nothing_stolen: its page received no token',
    why: 'oidc-provider matched the redirect URI exactly, as it should: the leak is the app’s, after the response arrived. In the implicit flow the token sits in the fragment, which browsers keep across a redirect without one, so any open redirect on the redirect URI hands it on. In the code flow the URL carries only a code, in the query, which a redirect replaces; and the code is bound to a code_verifier the attacker never sees.',
  },
  incident: {
    text: '2014: Egor Homakov stole GitHub OAuth tokens by chaining a loosely checked redirect_uri with a redirect on the client’s own site; RFC 9700 §4.11.1 now says clients must not expose open redirectors.',
    href: 'https://homakov.blogspot.com/2014/02/how-i-hacked-github-again.html',
    source: 'Egor Homakov’s blog',
  },
  steps: [
    {
      id: 'attacker-link',
      title: 'alice follows the attacker’s sign-in link',
      explanation:
        'The attacker sends alice a link to the app’s own sign-in, with return_to set to the attacker’s page. The app keeps return_to and sends alice to the authorization server, with its exact redirect URI and response_type=id_token token (the implicit flow), or, with the defense on, response_type=code and a code_challenge. alice signs in and allows access.',
      rfc: OPEN_REDIRECT_RFC,
      from: 'resource-owner',
      to: 'authorization-server',
      channel: 'front',
      action: (context) => ({
        kind: 'navigate',
        path: `${IMPLICIT_APP_PATH}/sign-in?${query({
          return_to: ATTACKER_PAGE,
          client_id: CLIENT,
          redirect_uri: implicitAppRedirectUri(context.origin),
          scope: 'openid read',
          state: context.values.client_state,
          nonce: context.values.nonce,
          ...(isOn(context, CODE_FLOW)
            ? {
                response_type: 'code',
                code_challenge: context.values.app_code_challenge,
                code_challenge_method: 'S256',
              }
            : { response_type: 'id_token token' }),
        })}`,
      }),
    },
    {
      id: 'open-redirect',
      title: 'The app’s redirect URI forwards alice to the attacker’s page',
      explanation:
        'The server redirects to the app’s redirect URI. The app answers 303 to the return_to it kept, the attacker’s page. In the implicit flow the token is in the fragment, and the browser keeps it across the redirect: the attacker’s script reads it and posts it to the attacker’s server. In the code flow the code was in the query, which the redirect does not carry. The page hands the tab back saying what it caught.',
      rfc: IMPLICIT_RFC,
      from: 'client',
      to: 'attacker',
      channel: 'front',
      action: () => ({ kind: 'callback', arrivesAt: HAND_OFF_AT }),
    },
    attackerCallsApi(
      'With the access token its page caught, if any, the attacker asks the API whose account it is.',
    ),
  ],
  handOff: { step: 'open-redirect', receivedAt: HAND_OFF_AT },
  verdict: (context) => {
    const { values } = context;
    if (values.api_status === undefined) return undefined;
    if (values.api_status === '200')
      return {
        outcome: 'succeeded',
        proof: `The app’s redirect URI forwarded alice to the attacker’s page with the token still in the fragment; the page posted it to the attacker, who called GET /api/v1/accounts/verify_credentials and was answered with @${values.api_acct ?? '?'}’s account.`,
      };
    return {
      outcome: 'blocked',
      by: isOn(context, CODE_FLOW)
        ? 'the client (code flow with PKCE: no token in the URL to leak)'
        : 'nothing the lab expected',
      error: refusalObserved(values, 'api'),
      detail: `The attacker’s page received ${values.attacker_caught === 'access_token' ? 'a token the API refused' : 'nothing: no token in the fragment, and the code stayed behind in the query'}.`,
    };
  },
};
