import {
  instanceError,
  isJsonObject,
  notMastodon,
  parseVersion,
  softwareOf,
} from '../../lib/mastodon-client/answers';
import { query, RFC } from '../walkthrough/common-steps';
import { randomValue, s256 } from '../walkthrough/secrets';
import type {
  ExchangeResult,
  GrantDefinition,
  StepDefinition,
  StepOutcome,
  WalkthroughContext,
} from '../walkthrough/types';

/**
 * Your own Mastodon account, for real: every request goes from this browser to the instance (the
 * playground's server never sees the secret or the token). `values.instance` is the instance's origin;
 * a registration this browser cached comes in as `values.client_id`/`client_secret`.
 */
export const CLIENT_NAME = 'OAuth2 Playground';
export const MASTODON_CALLBACK_PATH = '/mastodon/callback';
export const OOB_REDIRECT_URI = 'urn:ietf:wg:oauth:2.0:oob';

const MASTODON_RFC = {
  metadata: { label: 'RFC 8414 §3', href: 'https://www.rfc-editor.org/rfc/rfc8414#section-3' },
  instance: { label: 'Mastodon: instance', href: 'https://docs.joinmastodon.org/methods/instance/' },
  apps: { label: 'Mastodon: apps', href: 'https://docs.joinmastodon.org/methods/apps/#create' },
  verify: {
    label: 'Mastodon: verify_credentials',
    href: 'https://docs.joinmastodon.org/methods/accounts/#verify_credentials',
  },
  statuses: { label: 'Mastodon: statuses', href: 'https://docs.joinmastodon.org/methods/statuses/#create' },
  revocation: { label: 'RFC 7009 §2', href: 'https://www.rfc-editor.org/rfc/rfc7009#section-2' },
} as const;

const DEFAULT_TOOT =
  'Hello! This toot was posted by an app I registered, authorized and got a token for myself, step by step, in the OAuth2 Playground.';

/** Mastodon 4.3 brought the metadata document, PKCE and the `profile` scope together. */
export function isModern(values: Record<string, string>): boolean {
  if (values.metadata === 'yes') return true;
  const version = parseVersion(values.version);
  return version !== undefined && (version[0] > 4 || (version[0] === 4 && version[1] >= 3));
}

/** profile is enough to read one's own account on 4.3+; before it, read:accounts. */
export const scopesFor = (values: Record<string, string>) =>
  isModern(values) && values.profile_scope !== 'no'
    ? 'profile write:statuses'
    : 'read:accounts write:statuses';

const endpoint = (values: Record<string, string>, name: string, fallback: string) =>
  values[name] || `${values.instance}${fallback}`;

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

const bearer = ({ tokens }: WalkthroughContext) => ({ authorization: `Bearer ${tokens.access_token ?? ''}` });

const strings = (value: unknown) =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];

function metadataOutcome(result: ExchangeResult): StepOutcome {
  if (result.status === 404)
    return { ok: true, values: { metadata: 'no', pkce: '', profile_scope: 'no', expected_issuer: '' } };
  if (result.status !== 200) return { ok: false, error: instanceError(result, 'The metadata document') };
  if (!isJsonObject(result) || typeof result.body.authorization_endpoint !== 'string')
    return { ok: false, error: notMastodon(result, 'GET /.well-known/oauth-authorization-server') };
  const body = result.body;
  const scopes = strings(body.scopes_supported);
  return {
    ok: true,
    values: {
      metadata: 'yes',
      authorization_endpoint: String(body.authorization_endpoint),
      token_endpoint: String(body.token_endpoint ?? ''),
      revocation_endpoint: String(body.revocation_endpoint ?? ''),
      app_registration_endpoint: String(body.app_registration_endpoint ?? ''),
      scopes_supported: scopes.join(' '),
      pkce: strings(body.code_challenge_methods_supported).includes('S256') ? 'S256' : '',
      profile_scope: scopes.includes('profile') ? 'yes' : 'no',
      // RFC 9207: check `iss` in the response only where the server promises to send it.
      expected_issuer:
        body.authorization_response_iss_parameter_supported === true ? String(body.issuer ?? '') : '',
    },
  };
}

function instanceOutcome(result: ExchangeResult, what: string, missingIsFine: boolean): StepOutcome {
  if (result.status === 404 && missingIsFine) return { ok: true, values: { instance_v2: 'no' } };
  if (result.status !== 200) return { ok: false, error: instanceError(result, what) };
  if (!isJsonObject(result) || typeof result.body.version !== 'string')
    return { ok: false, error: notMastodon(result, what) };
  const version = result.body.version;
  return {
    ok: true,
    values: {
      instance_v2: missingIsFine ? 'yes' : 'no',
      version,
      software: softwareOf(version),
      title: String(result.body.title ?? ''),
    },
  };
}

const send = (request: {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  form?: Record<string, string>;
}) => ({ kind: 'send', via: 'browser', request }) as const;

function mastodonSteps(variant: 'redirect' | 'oob'): StepDefinition[] {
  const discovery: StepDefinition[] = [
    {
      id: 'metadata',
      title: 'Look for the instance’s OAuth metadata',
      explanation:
        'Since Mastodon 4.3 an instance publishes its authorization server metadata: where to authorize, where to get tokens, which scopes exist, whether it supports PKCE. A 404 is normal on older versions; the flow then uses Mastodon’s well-known paths.',
      rfc: MASTODON_RFC.metadata,
      from: 'client',
      to: 'authorization-server',
      channel: 'back',
      action: ({ values }) =>
        send({ method: 'GET', path: `${values.instance}/.well-known/oauth-authorization-server` }),
      outcome: (_context, result) => metadataOutcome(result),
    },
    {
      id: 'instance',
      title: 'Ask the instance what it is',
      explanation:
        'GET /api/v2/instance names the software and its version: the client adapts to it (which scopes to ask for). Instances older than 4.0 answer 404 here, and the next step asks the older /api/v1/instance.',
      rfc: MASTODON_RFC.instance,
      from: 'client',
      to: 'resource-server',
      channel: 'back',
      action: ({ values }) => send({ method: 'GET', path: `${values.instance}/api/v2/instance` }),
      outcome: (_context, result) => instanceOutcome(result, 'GET /api/v2/instance', true),
    },
    {
      id: 'instance-v1',
      title: 'Fall back to /api/v1/instance',
      explanation: 'Only for instances older than Mastodon 4.0, which have no /api/v2/instance.',
      rfc: MASTODON_RFC.instance,
      from: 'client',
      to: 'resource-server',
      channel: 'back',
      action: ({ values }) =>
        values.instance_v2 === 'yes'
          ? { kind: 'skip', reason: 'Not needed: /api/v2/instance answered.' }
          : send({ method: 'GET', path: `${values.instance}/api/v1/instance` }),
      outcome: (_context, result) =>
        instanceOutcome(result, 'Neither /api/v2/instance nor GET /api/v1/instance', false),
    },
    {
      id: 'register',
      title: 'Register the app',
      explanation:
        'Mastodon apps register themselves: POST /api/v1/apps with a name, the redirect URI and the scopes. Every Mastodon app gets a client_secret; this one stays in your browser (localStorage, per instance), so the next visit reuses the app.',
      rfc: MASTODON_RFC.apps,
      from: 'client',
      to: 'authorization-server',
      channel: 'back',
      action: ({ values, origin }) =>
        values.app_source === 'cached'
          ? {
              kind: 'skip',
              reason: `This browser registered the app on this instance before (client_id ${values.client_id}, scopes ${values.app_scopes}) and reuses it. “Forget this app” registers a new one.`,
            }
          : send({
              method: 'POST',
              path: endpoint(values, 'app_registration_endpoint', '/api/v1/apps'),
              form: {
                client_name: CLIENT_NAME,
                redirect_uris: values.redirect_uri ?? '',
                scopes: scopesFor(values),
                website: origin,
              },
            }),
      outcome: ({ values }, result) => {
        if (result.status !== 200) return { ok: false, error: instanceError(result, 'POST /api/v1/apps') };
        if (
          !isJsonObject(result) ||
          typeof result.body.client_id !== 'string' ||
          typeof result.body.client_secret !== 'string'
        )
          return { ok: false, error: notMastodon(result, 'POST /api/v1/apps') };
        return {
          ok: true,
          values: {
            client_id: result.body.client_id,
            client_secret: result.body.client_secret,
            app_scopes: strings(result.body.scopes).join(' ') || scopesFor(values),
            app_source: 'registered',
          },
        };
      },
    },
  ];

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
      'This browser sends the code with the app’s client_id and client_secret (and the PKCE code_verifier when it sent a challenge) to the instance’s token endpoint. Mastodon tokens do not expire and come without a refresh token.',
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
      if (result.status !== 200) return { ok: false, error: instanceError(result, 'POST /oauth/token') };
      if (!isJsonObject(result) || typeof result.body.access_token !== 'string')
        return { ok: false, error: notMastodon(result, 'POST /oauth/token') };
      const body = result.body;
      return {
        ok: true,
        tokens: {
          access_token: body.access_token as string,
          token_type: String(body.token_type ?? 'Bearer'),
          scope: String(body.scope ?? ''),
        },
      };
    },
  };

  const api: StepDefinition[] = [
    {
      id: 'verify-credentials',
      title: 'Who am I? Verify the credentials',
      explanation:
        'The first call with the token: GET /api/v1/accounts/verify_credentials answers with your own account. It needs the profile scope (4.3+) or read:accounts.',
      rfc: MASTODON_RFC.verify,
      from: 'client',
      to: 'resource-server',
      channel: 'back',
      action: (context) =>
        send({
          method: 'GET',
          path: `${context.values.instance}/api/v1/accounts/verify_credentials`,
          headers: bearer(context),
        }),
      outcome: (_context, result) => {
        if (result.status !== 200)
          return { ok: false, error: instanceError(result, 'GET /api/v1/accounts/verify_credentials') };
        if (!isJsonObject(result))
          return { ok: false, error: notMastodon(result, 'GET /api/v1/accounts/verify_credentials') };
        return {
          ok: true,
          values: {
            account: String(result.body.acct ?? result.body.username ?? ''),
            account_url: String(result.body.url ?? ''),
          },
        };
      },
    },
    {
      id: 'post-status',
      title: 'Post a first toot',
      explanation:
        'Write your toot, then press Post. Visibility direct with no mention means only you can see it. The Idempotency-Key header makes a retry safe: the instance posts it once.',
      rfc: MASTODON_RFC.statuses,
      from: 'client',
      to: 'resource-server',
      channel: 'back',
      actionLabel: 'Post',
      params: [
        {
          name: 'status',
          label: 'Your toot',
          help: 'Up to 500 characters on most instances.',
          multiline: true,
        },
        {
          name: 'visibility',
          label: 'visibility',
          help: 'direct: only you (and anyone you mention). private: your followers. unlisted and public: everyone.',
          options: ['direct', 'private', 'unlisted', 'public'],
        },
      ],
      action: (context) =>
        send({
          method: 'POST',
          path: `${context.values.instance}/api/v1/statuses`,
          headers: { ...bearer(context), 'idempotency-key': context.values.idempotency_key ?? '' },
          form: { status: context.params.status ?? '', visibility: context.params.visibility ?? 'direct' },
        }),
      outcome: (_context, result) => {
        if (result.status !== 200)
          return { ok: false, error: instanceError(result, 'POST /api/v1/statuses') };
        if (!isJsonObject(result)) return { ok: false, error: notMastodon(result, 'POST /api/v1/statuses') };
        return {
          ok: true,
          values: { status_id: String(result.body.id ?? ''), status_url: String(result.body.url ?? '') },
        };
      },
    },
    {
      id: 'revoke',
      title: 'Revoke the token',
      explanation:
        'Done: the app gives the token back. POST /oauth/revoke with the app’s credentials and the token; the instance answers 200 whether or not the token was valid (RFC 7009).',
      rfc: MASTODON_RFC.revocation,
      from: 'client',
      to: 'authorization-server',
      channel: 'back',
      actionLabel: 'Revoke token',
      action: ({ values, tokens }) =>
        send({
          method: 'POST',
          path: endpoint(values, 'revocation_endpoint', '/oauth/revoke'),
          form: {
            client_id: values.client_id ?? '',
            client_secret: values.client_secret ?? '',
            token: tokens.access_token ?? '',
          },
        }),
      outcome: (_context, result) =>
        result.status === 200
          ? { ok: true }
          : { ok: false, error: instanceError(result, 'POST /oauth/revoke') },
    },
  ];
  return [...discovery, ...authorization, token, ...api];
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
