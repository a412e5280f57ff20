import type { AttackScenario } from '../../../lib/attacks/types';
import type { WalkthroughContext } from '../../../lib/walkthrough/types';
import { TOKEN_ENDPOINT, tokenRequest, tokenRequestStep } from '../../walkthrough/builders/token-request';
import { labCodeForm } from '../lab-code-form';
import { pkceSecrets } from '../../walkthrough/secrets';
import {
  attackerKeepsCodeFor,
  attackerRole,
  clientAsksWhoIsSignedIn,
  isOn,
  victimLured,
} from '../common-steps';
import { webAppPkceOptional } from './clients';
import { TOKEN_WITHOUT_DOWNGRADE_CHECK } from './weak-token-endpoint';
import { authorizationResponseStep } from '../../walkthrough/builders/authorization-response';
import { rfcSection } from '../../../lib/walkthrough/rfc';

const DOWNGRADE = 'defense_downgrade';
const CLIENT = webAppPkceOptional.client_id;
const DOWNGRADE_RFC = rfcSection(9700, '4.8.2');
const tokenEndpointOf = (context: WalkthroughContext) =>
  isOn(context, DOWNGRADE) ? TOKEN_ENDPOINT : TOKEN_WITHOUT_DOWNGRADE_CHECK;

/** RFC 9700 §4.8.2: a code obtained without code_challenge, injected into a client that always sends PKCE. */
export const pkceDowngrade: AttackScenario = {
  slug: 'pkce-downgrade',
  name: 'PKCE downgrade',
  attack:
    'The attacker strips code_challenge from its own request and injects the code: the server ignores the victim’s code_verifier.',
  clientId: CLIENT,
  clientType: 'public',
  clients: [webAppPkceOptional],
  vulnerableRoutes: [TOKEN_WITHOUT_DOWNGRADE_CHECK],
  roles: [attackerRole],
  summary:
    'The client always uses PKCE and relies on it instead of state. The server makes PKCE optional: it checks a code_verifier only for a code issued with a code_challenge. The attacker starts the client’s authorization request in its own browser, deletes code_challenge from it, signs in as bob and keeps the code. It lures alice’s browser to the client’s redirect URI with that code; the client redeems it with alice’s own code_verifier, and a server that ignores a verifier it has nothing to compare with signs alice in as bob.',
  defaults: { [DOWNGRADE]: 'off', state: '' },
  defenses: [
    {
      param: DOWNGRADE,
      label: 'Defense: refuse a code_verifier without a challenge',
      does: 'The server accepts a token request carrying a code_verifier only if the authorization request carried a code_challenge. A code the attacker got without one no longer redeems for a client that always sends PKCE: the downgrade shows itself at the token endpoint. (Here the token request goes to oidc-provider’s own /oidc/token, which always does this.)',
      rfc: DOWNGRADE_RFC,
    },
  ],
  // The client's PKCE pair, made for alice's session; no state (it relies on PKCE for CSRF protection).
  secrets: async () => {
    const { code_verifier, code_challenge } = await pkceSecrets();
    return { code_verifier, code_challenge };
  },
  serverSide: {
    error:
      'the token endpoint answers 400 invalid_grant “grant request is invalid”; oidc-provider’s reason, kept in its error detail, is “unsupported code_challenge_method”: a code_verifier came for a code stored without any challenge',
    why: 'oidc-provider stores the code_challenge (and its method) with the code. At the token endpoint, a code_verifier for a code stored without a challenge is refused, hard-coded, before the code is spent. Without the defense the lab sends the token request to /attacks/authorization-server/token-without-downgrade-check instead, a deliberately vulnerable wrapper that looks the code up, drops the code_verifier when the code has no challenge, and forwards the rest to /oidc/token: the server RFC 9700 §4.8.2 warns about. The HTTP log shows what oidc-provider received from it.',
  },
  incident: {
    text: '2022: the OAuch study (Philippaerts et al., RAID 2022) tested public authorization servers against every threat of the Security BCP, the PKCE downgrade among them; its published test sends a code_verifier for a code issued without a challenge and expects a refusal.',
    href: 'https://oauch.io/Threats/Info/BCP_4_8',
    source: 'OAuch',
  },
  steps: [
    attackerKeepsCodeFor(CLIENT, {
      title: 'The attacker strips code_challenge and gets a code for bob',
      explanation:
        'In its own browser the attacker starts the client’s sign-in, which carries the client’s code_challenge, and deletes code_challenge from the authorization request before it reaches the server. The server, with PKCE optional, issues a code bound to no challenge. The attacker signs in as bob, consents, and keeps the code.',
      rfc: DOWNGRADE_RFC,
    }),
    victimLured({
      title: 'alice opens the attacker’s page',
      explanation:
        'alice has begun signing in at the client, which keeps a code_verifier for her session. The attacker’s page sends her browser to the client’s redirect URI with bob’s code, as if the server had answered her.',
      rfc: DOWNGRADE_RFC,
    }),
    authorizationResponseStep({
      id: 'callback',
      title: 'The client receives the attacker’s code',
      explanation:
        'The client sent no state, so it has nothing to compare the response with. It trusts PKCE to catch a code that is not its own.',
      from: 'resource-owner',
    }),
    tokenRequestStep(
      {
        id: 'redeem',
        title: 'The client redeems it with alice’s code_verifier',
        explanation:
          'The client sends the code with the code_verifier of alice’s session, as it always does. Without the defense the request reaches the lab’s deliberately vulnerable token endpoint, which sees a code without a challenge and drops the verifier; with the defense it reaches oidc-provider’s token endpoint as sent.',
        rfc: DOWNGRADE_RFC,
      },
      (context) =>
        tokenRequest(labCodeForm(context, CLIENT), { via: 'browser', path: tokenEndpointOf(context) }),
    ),
    clientAsksWhoIsSignedIn(
      'The client asks userinfo whose tokens it holds. It is bob: alice now works inside the attacker’s account, although her client used PKCE.',
    ),
  ],
  handOff: { step: 'lure', receivedAt: '/api/attacker/forged-callback' },
  verdict: (context) => {
    const { error, values } = context;
    if (error && pkceDowngrade.steps[context.stepIndex]?.id === 'redeem')
      return {
        outcome: 'blocked',
        by: 'the authorization server (a code_verifier without a code_challenge is refused)',
        error,
        detail: 'The client got no token for bob’s code: alice is not signed in as the attacker.',
      };
    if (values.whoami_status !== '200' || values.signed_in_as !== 'bob') return undefined;
    return {
      outcome: 'succeeded',
      proof:
        'The client redeemed the attacker’s code with alice’s code_verifier and is signed in as bob (userinfo answered sub: bob), in alice’s browser.',
    };
  },
};
