import * as client from 'openid-client';
import { ISSUER } from './origin';

export { client };

/**
 * openid-client 6 configured for the playground under test: plain http on localhost is allowed, and
 * when a learner cookie is given, every back-channel call carries it, so the exchanges land in that
 * learner's trace as the playground's own client role would.
 */
export async function configure(
  clientId: string,
  auth: { secret?: string; method?: 'basic' | 'post' | 'none' } = {},
  learnerCookie?: string,
): Promise<client.Configuration> {
  const clientAuth =
    auth.method === 'none' || !auth.secret
      ? client.None()
      : auth.method === 'post'
        ? client.ClientSecretPost(auth.secret)
        : client.ClientSecretBasic(auth.secret);
  const config = await client.discovery(new URL(ISSUER), clientId, undefined, clientAuth, {
    execute: [client.allowInsecureRequests],
    ...(learnerCookie ? { [client.customFetch]: withCookie(learnerCookie) } : {}),
  });
  if (learnerCookie) config[client.customFetch] = withCookie(learnerCookie);
  return config;
}

function withCookie(cookie: string): client.CustomFetch {
  return (url, options) => {
    const headers = new Headers(options.headers);
    headers.set('cookie', cookie);
    return fetch(url, { ...options, headers } as RequestInit);
  };
}
