import type { AttackScenario } from '../../../lib/attacks/types';
import type { WalkthroughContext } from '../../../lib/walkthrough/types';
import { RFC } from '../../walkthrough/common-steps';
import {
  demoOwner,
  passwordForm,
  refreshedTokens,
  refreshTokenForm,
  tokenRequest,
  tokenRequestSpec,
  tokenRequestStep,
} from '../../walkthrough/builders/token-request';
import {
  attackerCallsApi,
  attackerRole,
  HELD,
  isOn,
  observed,
  refusalObserved,
  tokenLeaks,
  attackerServerCall,
} from '../common-steps';
import { spaWithoutRotation, spaWithRotation } from './clients';
import { apiCall } from '../../walkthrough/builders/api-call';
import { rfcSection } from '../../../lib/walkthrough/rfc';

const ROTATION = 'defense_rotation';
const SCOPE = 'openid offline_access read';

/** The defense picks the client: the same SPA, registered with rotation or (deliberately) without. */
const clientOf = (context: WalkthroughContext) =>
  isOn(context, ROTATION) ? spaWithRotation.client_id : spaWithoutRotation.client_id;

/** RFC 9700 §4.14: a refresh token stolen from a public client, replayed after the client refreshed. */
export const refreshTokenReplay: AttackScenario = {
  slug: 'refresh-token-replay',
  name: 'Refresh token replay',
  attack: 'A refresh token stolen from a single-page app is used after the app refreshed.',
  clientId: spaWithoutRotation.client_id,
  clientType: 'public',
  clients: [spaWithoutRotation, spaWithRotation],
  roles: [attackerRole],
  summary:
    'A single-page app keeps alice’s refresh token in the browser. A script injected into the page (XSS) sends it to the attacker. The app goes on refreshing as usual; the attacker replays the stolen refresh token from its own server. Without rotation the stolen token keeps working; with rotation the server sees a spent token come back and revokes the whole grant.',
  defaults: { [ROTATION]: 'off' },
  defenses: [
    {
      param: ROTATION,
      label: 'Defense: refresh token rotation',
      does: 'Every refresh returns a new refresh token and spends the old one. A spent token presented again is taken as theft: the server refuses it and revokes every token of the grant, the legitimate client’s too.',
      rfc: RFC.rotation,
    },
  ],
  secrets: async () => ({}),
  serverSide: {
    error:
      'the token endpoint answers 400 invalid_grant “grant request is invalid”; the reason, kept in oidc-provider’s error detail (its grant.error event), is “refresh token already used”',
    why: 'oidc-provider consumes a refresh token when it rotates it. When a consumed one comes back, it destroys it and calls revoke() for its grant: every access token, refresh token and code of that grant is gone, and the grant.revoked event fires. Without rotation (rotateRefreshToken returning false for this lab client) nothing is consumed, so there is nothing to detect.',
  },
  incident: {
    text: 'August 2025: attackers stole the OAuth access and refresh tokens Salesloft’s Drift kept for its customers’ Salesforce integrations and used them for about ten days to export data from hundreds of Salesforce instances, until Salesloft and Salesforce revoked every Drift token.',
    href: 'https://cloud.google.com/blog/topics/threat-intelligence/data-theft-salesforce-instances-via-salesloft-drift',
    source: 'Google Threat Intelligence Group',
  },
  steps: [
    tokenRequestStep(
      {
        id: 'obtain',
        title: 'The app gets alice’s tokens, a refresh token among them',
        explanation:
          'The single-page app obtains an access token and a refresh token for alice (offline_access). To stay short the lab uses the password grant; the tokens are the same as after a code flow. The app keeps them in the browser, where a script can read them.',
        rfc: RFC.tokenResponse,
      },
      (context) =>
        tokenRequest(passwordForm(demoOwner('alice'), SCOPE, { client_id: clientOf(context) }), {
          via: 'browser',
        }),
    ),
    tokenLeaks({
      id: 'exfiltrate',
      title: 'An injected script sends the refresh token to the attacker',
      explanation:
        'A cross-site scripting hole lets the attacker’s script run in the app’s page. It reads the refresh token and posts it to the attacker’s server, which keeps it. Nothing on the authorization server notices: this request never reaches it.',
      rfc: rfcSection(9700, '4.14'),
      kind: 'refresh_token',
      clientOf,
    }),
    tokenRequestStep(
      {
        id: 'client-refresh',
        title: 'The app refreshes, as it does every hour',
        explanation:
          'The app uses its refresh token as usual. Without rotation the server answers with a new access token and the same refresh token; with rotation it answers with a new refresh token too, and the one the attacker holds is now spent.',
        rfc: RFC.refresh,
        outcome: refreshedTokens,
      },
      (context) =>
        tokenRequest(refreshTokenForm(context.tokens.refresh_token ?? '', { client_id: clientOf(context) }), {
          via: 'browser',
        }),
    ),
    {
      id: 'replay',
      title: 'The attacker replays the stolen refresh token',
      explanation:
        'From its own server the attacker sends the stolen refresh token to the token endpoint with the app’s client_id. A public client has no secret to stop it: the refresh token alone is the credential.',
      rfc: RFC.rotation,
      from: 'attacker',
      to: 'authorization-server',
      channel: 'back',
      // The one the script stole: the client has refreshed since, and may hold a new one.
      action: (context) =>
        attackerServerCall(
          { path: '/api/attacker/refresh-token-replay' },
          tokenRequestSpec(
            refreshTokenForm(context.tokens.rotated_refresh_token ?? HELD('the stolen refresh token'), {
              client_id: clientOf(context),
            }),
          ),
        ),
      outcome: (_context, result) => observed('replay', result),
    },
    attackerCallsApi(
      'With whatever access token its replay got, the attacker asks the API whose account it is. If the replay was refused it holds no access token, and its server says so.',
    ),
    {
      id: 'client-token',
      title: 'Is the app’s own access token still good?',
      explanation:
        'The app calls userinfo with the access token of its last refresh. Without rotation it works: the app never learns of the theft. With rotation the replay revoked the whole grant, so the app’s token is refused too and alice must sign in again.',
      rfc: RFC.userinfo,
      from: 'client',
      to: 'authorization-server',
      channel: 'back',
      action: (context) =>
        apiCall({
          method: 'GET',
          path: '/oidc/me',
          accessToken: context.tokens.access_token,
          via: 'browser',
        }),
      outcome: (_context, result) => observed('client_token', result),
    },
  ],
  handOff: { step: 'exfiltrate', receivedAt: '/api/attacker/loot' },
  verdict: ({ values }) => {
    if (values.client_token_status === undefined) return undefined;
    if (values.api_status === '200')
      return {
        outcome: 'succeeded',
        proof: `The attacker called GET /api/v1/accounts/verify_credentials with the access token its replay got and was answered with @${values.api_acct ?? '?'}’s account.`,
      };
    return {
      outcome: 'blocked',
      by: 'the authorization server (refresh token rotation with reuse detection)',
      error: refusalObserved(values, 'replay'),
      detail:
        values.client_token_status === '200'
          ? 'The app’s own access token still works.'
          : `The whole grant was revoked: the app’s own access token is now refused at userinfo (HTTP ${values.client_token_status}, ${values.client_token_error ?? 'no error code'}).`,
    };
  },
};
