import { RequestRateLimit } from '../../http/rate-limit';
import type { Requester } from '../../http/on-behalf';
import type { ThrottleLimits } from '../../http/learner-throttle';
import { TOKEN_EXCHANGE_GRANT_TYPE } from './token-exchange-names';

/**
 * Each token exchange (RFC 8693) stores a grant and an access token: 30 exchanges per learner and 3,000
 * per address every 10 minutes (a walkthrough's run makes three, two of them refused; 200 learners
 * behind one school NAT may each run it a few times), counted before the authorization server sees
 * the request, whether it succeeds or not. The records live no longer than the subject token.
 */
export const TOKEN_EXCHANGE_LIMITS: ThrottleLimits = { perLearner: 30, perAddress: 3000 };
export const TOKEN_EXCHANGE_WINDOW_MS = 10 * 60 * 1000;

declare global {
  var playgroundTokenExchangeLimit: RequestRateLimit | undefined;
}

const tokenExchangeLimit = () =>
  (globalThis.playgroundTokenExchangeLimit ??= new RequestRateLimit(
    'token-exchange',
    TOKEN_EXCHANGE_LIMITS,
    TOKEN_EXCHANGE_WINDOW_MS,
    'the token endpoint for token exchange',
  ));

/** The 429 for a token exchange over the limits, or undefined for any other request. */
export async function refuseOverTokenExchangeLimit(
  request: Request,
  tokenPath: string,
  body: Buffer,
  requester: Requester,
): Promise<Response | undefined> {
  if (request.method !== 'POST' || new URL(request.url).pathname !== tokenPath) return undefined;
  const grantType = new URLSearchParams(body.toString('utf8')).getAll('grant_type');
  if (!grantType.includes(TOKEN_EXCHANGE_GRANT_TYPE)) return undefined;
  return tokenExchangeLimit().take(requester);
}
