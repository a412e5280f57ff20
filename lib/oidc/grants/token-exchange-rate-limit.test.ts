import { beforeEach, describe, expect, it } from 'vitest';
import { TOKEN_EXCHANGE_GRANT_TYPE } from './token-exchange-names';
import { refuseOverTokenExchangeLimit, TOKEN_EXCHANGE_LIMITS } from './token-exchange-rate-limit';

const TOKEN_PATH = '/oidc/token';
const post = (grant_type: string) => ({
  request: new Request(`http://localhost:3000${TOKEN_PATH}`, { method: 'POST' }),
  body: Buffer.from(new URLSearchParams({ grant_type, subject_token: 'x' }).toString()),
});
const exchange = (learnerId: string | undefined, address = '10.0.0.1') => {
  const { request, body } = post(TOKEN_EXCHANGE_GRANT_TYPE);
  return refuseOverTokenExchangeLimit(request, TOKEN_PATH, body, { learnerId, address });
};

describe('token exchange is rate-limited per learner and per address', () => {
  beforeEach(() => {
    globalThis.playgroundTokenExchangeLimit = undefined;
  });

  it('refuses a learner’s exchanges past the limit with 429, and lets another learner go on', async () => {
    for (let i = 0; i < TOKEN_EXCHANGE_LIMITS.perLearner; i++) expect(await exchange('a')).toBeUndefined();
    const refused = await exchange('a');
    expect(refused?.status).toBe(429);
    expect(await refused?.json()).toMatchObject({ error: 'too_many_requests' });
    expect(refused?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await exchange('b')).toBeUndefined();
  });

  it('holds an address at its ceiling whatever learner ids it presents', async () => {
    for (let i = 0; i < TOKEN_EXCHANGE_LIMITS.perAddress; i++)
      expect(await exchange(`learner-${i}`, '10.0.0.2')).toBeUndefined();
    expect((await exchange('fresh', '10.0.0.2'))?.status).toBe(429);
  });

  it('does not count other grants at the token endpoint', async () => {
    for (let i = 0; i <= TOKEN_EXCHANGE_LIMITS.perLearner; i++) {
      const { request, body } = post('authorization_code');
      expect(
        await refuseOverTokenExchangeLimit(request, TOKEN_PATH, body, {
          learnerId: 'c',
          address: '10.0.0.4',
        }),
      ).toBeUndefined();
    }
  });
});
