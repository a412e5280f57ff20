import { instanceError, isJsonObject, notMastodon } from '../../lib/mastodon-client/answers';
import type { StepDefinition } from '../../lib/walkthrough/types';
import { bearer, endpoint, MASTODON_RFC, send } from './requests';

/** GET verify_credentials with the app's token: the first call, and the proof that revoking worked. */
const verifyCredentials = (context: Parameters<typeof bearer>[0]) =>
  send({
    method: 'GET',
    path: `${context.values.instance}/api/v1/accounts/verify_credentials`,
    headers: bearer(context),
  });

/** The token at work: who am I, a first toot, giving the token back, and the refusal that follows. */
export const apiSteps: StepDefinition[] = [
  {
    id: 'verify-credentials',
    title: 'Who am I? Verify the credentials',
    explanation:
      'The first call with the token: GET /api/v1/accounts/verify_credentials answers with your own account. It needs the profile scope (4.3+) or read:accounts.',
    rfc: MASTODON_RFC.verify,
    from: 'client',
    to: 'resource-server',
    channel: 'back',
    action: verifyCredentials,
    outcome: (_context, result) => {
      if (result.status !== 200)
        return { kind: 'failed', error: instanceError(result, 'GET /api/v1/accounts/verify_credentials') };
      if (!isJsonObject(result))
        return { kind: 'failed', error: notMastodon(result, 'GET /api/v1/accounts/verify_credentials') };
      return {
        kind: 'succeeded',
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
        return { kind: 'failed', error: instanceError(result, 'POST /api/v1/statuses') };
      if (!isJsonObject(result))
        return { kind: 'failed', error: notMastodon(result, 'POST /api/v1/statuses') };
      return {
        kind: 'succeeded',
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
        ? { kind: 'succeeded', values: { revoked: 'yes' } }
        : { kind: 'failed', error: instanceError(result, 'POST /oauth/revoke') },
  },
  {
    id: 'after-revocation',
    title: 'Call the API with the revoked token',
    explanation:
      'The same “who am I?” call, with the token the app just gave back. The instance should refuse it with 401: a revoked token stops working at once.',
    rfc: MASTODON_RFC.verify,
    from: 'client',
    to: 'resource-server',
    channel: 'back',
    action: verifyCredentials,
    // The refusal is the lesson; an instance that still answers 200 has not revoked the token.
    outcome: (_context, result) =>
      result.status === 401
        ? { kind: 'succeeded', values: { refused_after_revocation: String(result.status) } }
        : {
            kind: 'failed',
            error: {
              error: 'token_still_accepted',
              error_description: `The instance answered ${result.status} instead of 401: it has not stopped accepting the revoked token.`,
              status: result.status,
            },
          },
  },
];
