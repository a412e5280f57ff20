import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newLearnerId, signLearnerId } from './learner';
import { readLearnerCookie } from './routes';

const key = randomBytes(32);
const cookie = `playground_learner=${signLearnerId(newLearnerId(), key)}`;

beforeAll(() => {
  globalThis.playgroundLearnerKey = Promise.resolve(key);
});
afterAll(() => {
  globalThis.playgroundLearnerKey = undefined;
});

const ask = (headers: Record<string, string>) =>
  readLearnerCookie(
    new Request('http://localhost:3000/api/trace/cookie', { headers }),
    'http://192.168.1.20:3000',
  );

describe('GET /api/trace/cookie: the learner cookie, for the learner’s own "Copy as curl"', () => {
  it('answers a page of the playground with the cookie it carries and the origin it may go to, never cached', async () => {
    const response = await ask({ cookie: `_session=x; ${cookie}`, 'sec-fetch-site': 'same-origin' });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(await response.json()).toEqual({ cookie, origin: 'http://192.168.1.20:3000' });
  });

  it('refuses another site’s page, which the browser names in Sec-Fetch-Site', async () => {
    const response = await ask({ cookie, 'sec-fetch-site': 'cross-site' });
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain(cookie.split('=')[1]);
  });

  it('says there is no learner where the request carries no cookie this server signed', async () => {
    expect(
      (await ask({ cookie: `playground_learner=${signLearnerId(newLearnerId(), randomBytes(32))}` })).status,
    ).toBe(401);
  });
});
