import { instanceError, isJsonObject, notMastodon } from '../../lib/mastodon-client/answers';
import { query, RFC } from '../walkthrough/common-steps';
import { randomValue, s256 } from '../walkthrough/secrets';
import { tokenResponseOf } from '../../lib/walkthrough/response-bodies';
import type { GrantDefinition, StepDefinition, WalkthroughContext } from '../../lib/walkthrough/types';
import { apiSteps } from './api-steps';
import { discoverySteps } from './discovery-steps';
import { endpoint, send } from './requests';

export { MASTODON_CALLBACK_PATH, OOB_REDIRECT_URI } from './requests';

const DEFAULT_TOOT =
  'Hello! This toot was posted by an app I registered, authorized and got a token for myself, step by step, in the OAuth2 Playground.';

export function authorizeUrl({ values }: WalkthroughContext): string {
  return `${endpoint(values, 'authorization_endpoint', '/oauth/authorize')}?${query({
    response_type: 'code',
    client_id: values.client_id,
    redirect_uri: values.redirect_uri,
    scope: values.app_scopes,
    state: values.state,
    ...(values.pkce === 'S256'
      ? { code_challenge: values.code_challenge, code_challenge_method: 'S256' }
      : {}),
  })}`;
}

function mastodonSteps(variant: 'redirect' | 'oob'): StepDefinition[] {
  const authorization: StepDefinition[] =
    variant === 'redirect'
      ? [
          {
            id: 'authorize',
            title: 'Send the browser to the instance to authorize the app',
            explanation:
              'Your browser goes to the instance with the app’s client_id, the scopes, a fresh state and, where the instance supports it, a PKCE code_challenge. You sign in there, on the instance’s own page, and approve.',
            rfc: RFC.authorizationRequest,
            from: 'client',
            to: 'authorization-server',
            channel: 'front',
            action: (context) => ({ kind: 'navigate', path: authorizeUrl(context) }),
          },
          {
            id: 'callback',
            title: 'The code comes back to the playground',
            explanation:
              'The instance redirected your browser back with a code and the state. The state matched the one this browser kept, so the response is genuine; a mismatch would be refused with nothing exchanged.',
            rfc: RFC.authorizationResponse,
            from: 'authorization-server',
            to: 'client',
            channel: 'front',
            action: () => ({ kind: 'callback' }),
          },
        ]
      : [
          {
            id: 'authorize-oob',
            title: 'Open the instance’s authorization page',
            explanation:
              'With the out-of-band redirect URI (urn:ietf:wg:oauth:2.0:oob) the instance does not redirect anywhere: after you approve, it shows the code on its page. Open it in a new tab, approve, and copy the code. (Without a redirect there is no state to check: the code is only as safe as the way you carry it.)',
            rfc: RFC.authorizationRequest,
            from: 'resource-owner',
            to: 'authorization-server',
            channel: 'front',
            action: (context) => ({
              kind: 'visit',
              url: authorizeUrl(context),
              linkText: 'Open the authorization page (new tab)',
            }),
          },
        ];

  const token: StepDefinition = {
    id: 'token',
    title: 'Exchange the code for an access token',
    explanation:
      'This browser sends the code with the app’s client_id and client_secret (and the PKCE code_verifier when it sent a challenge) to the instance’s token endpoint. How long the token lasts is in the answer: expires_in, in seconds, when the instance sets one.',
    rfc: RFC.tokenRequest,
    from: 'client',
    to: 'authorization-server',
    channel: 'back',
    ...(variant === 'oob'
      ? {
          params: [
            { name: 'code', label: 'code', help: 'Paste the code the instance showed after you approved.' },
          ],
        }
      : {}),
    action: ({ values, params }) =>
      send({
        method: 'POST',
        path: endpoint(values, 'token_endpoint', '/oauth/token'),
        form: {
          grant_type: 'authorization_code',
          code: (variant === 'oob' ? params.code : values.code)?.trim() ?? '',
          client_id: values.client_id ?? '',
          client_secret: values.client_secret ?? '',
          redirect_uri: values.redirect_uri ?? '',
          ...(values.pkce === 'S256' ? { code_verifier: values.code_verifier ?? '' } : {}),
        },
      }),
    outcome: (_context, result) => {
      if (result.status !== 200) return { kind: 'failed', error: instanceError(result, 'POST /oauth/token') };
      const { access_token, token_type, scope, expires_in, refresh_token } = tokenResponseOf(result.body);
      if (!isJsonObject(result) || access_token === undefined)
        return { kind: 'failed', error: notMastodon(result, 'POST /oauth/token') };
      return {
        kind: 'succeeded',
        tokens: {
          access_token,
          token_type: token_type ?? 'Bearer',
          scope: scope ?? '',
          // As the instance answered: Mastodon before 4.3 sends none, newer instances may.
          ...(expires_in !== undefined ? { expires_in } : {}),
          ...(refresh_token !== undefined ? { refresh_token } : {}),
        },
      };
    },
  };
  return [...discoverySteps, ...authorization, token, ...apiSteps];
}

/** Fresh values for a run: state, PKCE and the toot's idempotency key. */
async function secrets() {
  const code_verifier = randomValue(32);
  return {
    state: randomValue(16),
    code_verifier,
    code_challenge: await s256(code_verifier),
    idempotency_key: randomValue(16),
  };
}

/**
 * Your own Mastodon account, for real: every request goes from this browser to the instance (the
 * playground's server never sees the secret or the token). `values.instance` is the instance's origin;
 * a registration this browser cached comes in as `values.client_id`/`client_secret`. The redirect and
 * out-of-band variants differ only in how the code reaches the app.
 */
export const mastodon: GrantDefinition = {
  slug: 'mastodon',
  name: 'Your Mastodon account',
  clientId: 'registered-in-your-browser',
  clientType: 'confidential',
  summary:
    'Register an app on your own instance, authorize it, get a token, post a first toot and revoke the token.',
  defaults: { status: DEFAULT_TOOT, visibility: 'direct' },
  secrets,
  steps: mastodonSteps('redirect'),
};

export const mastodonOob: GrantDefinition = {
  ...mastodon,
  slug: 'mastodon-oob',
  name: 'Your Mastodon account (out of band)',
  defaults: { ...mastodon.defaults, code: '' },
  steps: mastodonSteps('oob'),
};
