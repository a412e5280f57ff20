import { instanceError, isJsonObject, notMastodon, softwareOf } from '../../lib/mastodon-client/answers';
import { checkedEndpoints } from '../../lib/mastodon-client/metadata';
import type { ExchangeResult, StepDefinition, StepOutcome } from '../../lib/walkthrough/types';
import { CLIENT_NAME, endpoint, MASTODON_RFC, scopesFor, send, strings } from './requests';

/** Finding out what the instance is and supports, then registering the app there (or reusing it). */
function metadataOutcome(result: ExchangeResult, instance: string): StepOutcome {
  if (result.status === 404)
    return {
      kind: 'succeeded',
      values: { metadata: 'no', pkce: '', profile_scope: 'no', expected_issuer: '' },
    };
  if (result.status !== 200) return { kind: 'failed', error: instanceError(result, 'The metadata document') };
  if (!isJsonObject(result) || typeof result.body.authorization_endpoint !== 'string')
    return { kind: 'failed', error: notMastodon(result, 'GET /.well-known/oauth-authorization-server') };
  const body = result.body;
  const checked = checkedEndpoints(body, instance);
  if (!checked.ok) return { kind: 'failed', error: checked.error };
  const scopes = strings(body.scopes_supported);
  return {
    kind: 'succeeded',
    values: {
      metadata: 'yes',
      ...checked.endpoints,
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
  if (result.status === 404 && missingIsFine) return { kind: 'succeeded', values: { instance_v2: 'no' } };
  if (result.status !== 200) return { kind: 'failed', error: instanceError(result, what) };
  if (!isJsonObject(result) || typeof result.body.version !== 'string')
    return { kind: 'failed', error: notMastodon(result, what) };
  const version = result.body.version;
  return {
    kind: 'succeeded',
    values: {
      instance_v2: missingIsFine ? 'yes' : 'no',
      version,
      software: softwareOf(version),
      title: String(result.body.title ?? ''),
    },
  };
}

export const discoverySteps: StepDefinition[] = [
  {
    id: 'metadata',
    title: 'Look for the instance’s OAuth metadata',
    explanation:
      'Since Mastodon 4.3 an instance publishes its authorization server metadata: where to authorize, where to get tokens, which scopes exist, whether it supports PKCE. A 404 is normal on older versions; the flow then uses Mastodon’s well-known paths. The document comes from a server you named, so it is checked before use: its issuer must be the instance (RFC 8414 §3.3), every endpoint an https URL, and the authorization endpoint, where you sign in, on the instance itself.',
    rfc: MASTODON_RFC.metadata,
    from: 'client',
    to: 'authorization-server',
    channel: 'back',
    action: ({ values }) =>
      send({ method: 'GET', path: `${values.instance}/.well-known/oauth-authorization-server` }),
    outcome: ({ values }, result) => metadataOutcome(result, values.instance ?? ''),
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
      if (result.status !== 200) return { kind: 'failed', error: instanceError(result, 'POST /api/v1/apps') };
      if (
        !isJsonObject(result) ||
        typeof result.body.client_id !== 'string' ||
        typeof result.body.client_secret !== 'string'
      )
        return { kind: 'failed', error: notMastodon(result, 'POST /api/v1/apps') };
      return {
        kind: 'succeeded',
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
