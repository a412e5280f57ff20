import { resourceOutcome, RFC } from './common-steps';
import { apiCall } from './builders/api-call';
import type { StepDefinition, WalkthroughContext } from '../../lib/walkthrough/types';
import { rfcSection } from '../../lib/walkthrough/rfc';

type Via = 'browser' | 'client-backend';

/** A call that presents the access token as a Bearer token (RFC 6750); a refusal is a real answer. */
function bearerCall(
  via: Via,
  step: Pick<StepDefinition, 'id' | 'title' | 'explanation' | 'rfc' | 'to'> & {
    method: 'GET' | 'POST';
    path: string;
    form?: (context: WalkthroughContext) => Record<string, string>;
  },
): StepDefinition {
  return {
    id: step.id,
    title: step.title,
    explanation: step.explanation,
    rfc: step.rfc,
    from: 'client',
    to: step.to,
    channel: 'back',
    action: (context) =>
      apiCall({
        method: step.method,
        path: step.path,
        accessToken: context.tokens.access_token,
        via,
        ...(step.form ? { form: step.form(context) } : {}),
      }),
    outcome: (_context, result) => resourceOutcome(result),
  };
}

/** The last steps of most grants: the token at work at the resource servers. */
export const userinfoStep = (via: Via) =>
  bearerCall(via, {
    id: 'userinfo',
    title: 'Call the userinfo endpoint',
    explanation:
      'The client presents the access token as a Bearer token. The authorization server’s userinfo endpoint answers with the claims the granted scopes allow. A JWT access token meant for another audience is refused here.',
    rfc: RFC.userinfo,
    to: 'authorization-server',
    method: 'GET',
    path: '/oidc/me',
  });

export const verifyCredentialsStep = (via: Via) =>
  bearerCall(via, {
    id: 'verify-credentials',
    title: 'Call the API: who am I?',
    explanation:
      'The playground’s Mastodon-compatible API checks the token (introspection for an opaque token, the signature for a JWT) and the scope: profile or read:accounts. Without them it refuses, and the refusal is the lesson.',
    rfc: RFC.bearer,
    to: 'resource-server',
    method: 'GET',
    path: '/api/v1/accounts/verify_credentials',
  });

/** A client's own token at the API (client credentials): the application's record, not a user's. */
export const verifyAppStep = (via: Via, text: Pick<StepDefinition, 'title' | 'explanation'>) =>
  bearerCall(via, {
    id: 'verify-app',
    ...text,
    rfc: RFC.bearer,
    to: 'resource-server',
    method: 'GET',
    path: '/api/v1/apps/verify_credentials',
  });

export const postStatusStep = (via: Via) =>
  bearerCall(via, {
    id: 'post-status',
    title: 'Call the API: post a private toot',
    explanation:
      'Posting needs write or write:statuses. The toot is direct (only its author sees it). A token without the scope gets 403, a revoked one 401.',
    rfc: RFC.bearer,
    to: 'resource-server',
    method: 'POST',
    path: '/api/v1/statuses',
    form: (context) => ({ status: `Hello from the ${context.slug} walkthrough`, visibility: 'direct' }),
  });

/** Revocation (RFC 7009) by the client, then the same call again: the API refuses at once. */
export function revokeSteps(via: Via, clientId: string): StepDefinition[] {
  return [
    {
      id: 'revoke',
      title: 'Revoke the access token',
      explanation:
        'The client tells the authorization server it no longer needs the token (on sign-out, say). The server answers 200 whatever the token was, so nobody learns which tokens exist. This server also revokes the refresh token of the same grant.',
      rfc: rfcSection(7009, '2'),
      from: 'client',
      to: 'authorization-server',
      channel: 'back',
      action: ({ tokens }) => ({
        kind: 'send',
        via,
        request: {
          method: 'POST',
          path: '/oidc/token/revocation',
          form: {
            token: tokens.access_token ?? '',
            token_type_hint: 'access_token',
            ...(via === 'browser' ? { client_id: clientId } : {}),
          },
        },
      }),
    },
    {
      ...verifyCredentialsStep(via),
      id: 'after-revocation',
      title: 'Call the API with the revoked token',
      explanation:
        'The resource server asks the authorization server about the token again (introspection), learns it is no longer active, and refuses with 401. An opaque token can be revoked at once; a JWT access token would stay valid until it expires.',
    },
  ];
}
