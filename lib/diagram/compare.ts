import type { RegisteredGrant } from '../grants/catalogue';
import { authorizationRequestTravel, clientAuthentication, oauth21Standing } from '../grants/grant-facts';
import { senderOf } from '../trace/describe-exchange';
import type { Role, TraceEvent } from '../trace/types';
import type { WalkthroughContext } from '../walkthrough/types';
import { supportingCallOf } from './supporting-calls';
import { responseHeader } from '../trace/exchange';

export type ComparisonRow = { aspect: string; value: string };

const NOT_RUN = 'not yet run';

const header = responseHeader;

// The authorization server's paths, the Mastodon-compatible ones included; anything else is the client's.
const roleAt = (url: URL): Role =>
  /^\/(oidc|interaction|oauth)(\/|$)/.test(url.pathname) ? 'authorization-server' : 'client';

/**
 * Front-channel hops counted by role: each time the browser is taken from one role to another (to
 * the authorization server, back to the client's redirect URI), not each page it loads on the way.
 * The sign-in and consent pages are many exchanges but one stay at the authorization server.
 */
export function frontChannelHops(events: TraceEvent[]): number {
  let at: Role = 'client';
  let hops = 0;
  const arrive = (role: Role) => {
    if (role !== at) hops++;
    at = role;
  };
  for (const event of events.filter((each) => each.channel === 'front')) {
    arrive(event.to);
    const location = header(event, 'location');
    if (event.response.status >= 300 && event.response.status < 400 && location)
      arrive(roleAt(new URL(location, event.request.url)));
  }
  return hops;
}

const TOKEN_ENDPOINT = /^\/(oidc\/token|oauth\/token)$/;

/** Where the tokens of this run went, read from the exchange that delivered them. */
function exposure(context: Pick<WalkthroughContext, 'callback'>, events: TraceEvent[]): string {
  if (context.callback?.in === 'fragment') return 'the browser: URL fragment and history';
  const delivery = events.find(
    (event) => TOKEN_ENDPOINT.test(new URL(event.request.url).pathname) && event.response.status === 200,
  );
  if (!delivery) return 'no tokens issued yet';
  return senderOf(delivery.request) === 'browser'
    ? 'the browser: JavaScript memory'
    : 'the client’s server (this page shows them to teach)';
}

/**
 * One column of the compare page's table, derived from the grant's definition and from what its run
 * actually did: hops are counted from the recorded exchanges, tokens from what the client holds. Until
 * a side has sent anything, its run-dependent rows say so instead of guessing.
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
  const ran = events.length > 0;
  // The steps' own messages: the keys fetched to check a token and the resource server's introspection
  // support a step, and are not hops of the grant.
  const back = events.filter((event) => event.channel === 'back' && !supportingCallOf(event)).length;
  const held = [
    context.tokens.access_token ? 'access token' : undefined,
    context.tokens.refresh_token ? 'refresh token' : undefined,
    context.tokens.id_token ? 'ID token' : undefined,
  ].filter(Boolean);
  const afterRun = (value: string) => (ran ? value : NOT_RUN);
  return [
    { aspect: 'Client type', value: grant.clientType },
    { aspect: 'Who authenticates the client', value: clientAuthentication(grant) },
    { aspect: 'Authorization request', value: authorizationRequestTravel(grant) },
    {
      aspect: 'User involved',
      value: usesPassword
        ? 'yes, and the client sees the password'
        : userInvolved
          ? 'yes, at the authorization server'
          : 'no',
    },
    { aspect: 'Front-channel hops (this run)', value: afterRun(String(frontChannelHops(events))) },
    { aspect: 'Back-channel hops (this run)', value: afterRun(String(back)) },
    { aspect: 'Tokens returned (this run)', value: afterRun(held.length ? held.join(', ') : 'none yet') },
    { aspect: 'Refresh token', value: afterRun(context.tokens.refresh_token ? 'issued' : 'not issued') },
    { aspect: 'Where tokens are exposed', value: afterRun(exposure(context, events)) },
    { aspect: 'Recommended use', value: grant.catalogue.useWhen },
    { aspect: 'OAuth 2.1', value: oauth21Standing(grant.catalogue) },
  ];
}
