import type { RegisteredGrant } from '../grants/catalogue';
import type { TraceEvent } from '../trace/types';
import type { WalkthroughContext } from '../walkthrough/types';

export type ComparisonRow = { aspect: string; value: string };

const STATUS_IN_OAUTH_21 = {
  recommended: 'kept',
  legacy: 'removed',
  'special-purpose': 'kept (a separate RFC, 8628)',
} as const;

/**
 * One column of the compare page's table, derived from the grant's definition and from what its run
 * actually did: hops are counted from the recorded exchanges, tokens from what the client holds.
 */
export function compareRun(
  grant: RegisteredGrant,
  context: Pick<WalkthroughContext, 'tokens' | 'callback'>,
  events: TraceEvent[],
): ComparisonRow[] {
  const userInvolved =
    grant.steps.some((step) => step.channel === 'front' || step.from === 'resource-owner') ||
    grant.steps.some((step) => step.params?.some((param) => param.name === 'username'));
  const usesPassword = grant.steps.some((step) => step.params?.some((param) => param.name === 'password'));
  const front = events.filter((event) => event.channel === 'front').length;
  const back = events.filter((event) => event.channel === 'back').length;
  const held = [
    context.tokens.access_token ? 'access token' : undefined,
    context.tokens.refresh_token ? 'refresh token' : undefined,
    context.tokens.id_token ? 'ID token' : undefined,
  ].filter(Boolean);
  const exposure =
    context.callback?.in === 'fragment'
      ? 'the browser: URL fragment and history'
      : grant.clientType === 'public'
        ? 'the browser: JavaScript memory'
        : 'the client’s server only';
  return [
    { aspect: 'Client type', value: grant.clientType },
    {
      aspect: 'Who authenticates the client',
      value:
        grant.clientType === 'confidential'
          ? 'the client, with its secret'
          : 'nobody: a public client has no secret',
    },
    {
      aspect: 'User involved',
      value: usesPassword
        ? 'yes, and the client sees the password'
        : userInvolved
          ? 'yes, at the authorization server'
          : 'no',
    },
    { aspect: 'Front-channel hops (this run)', value: String(front) },
    { aspect: 'Back-channel hops (this run)', value: String(back) },
    { aspect: 'Tokens returned (this run)', value: held.length ? held.join(', ') : 'none yet' },
    { aspect: 'Refresh token', value: context.tokens.refresh_token ? 'issued' : 'not issued' },
    { aspect: 'Where tokens are exposed', value: exposure },
    { aspect: 'Recommended use', value: grant.catalogue.useWhen },
    { aspect: 'OAuth 2.1', value: STATUS_IN_OAUTH_21[grant.catalogue.status] },
  ];
}
