import { describe, expect, it } from 'vitest';
import { traceEvent } from '@/lib/trace/testing';
import type { TraceEvent } from '@/lib/trace/types';
import { fetchLearnerCookie, learnerCurl } from './learner-curl';

const at = (url: string): TraceEvent => ({ ...traceEvent(url), seq: 1 });
const cookie = async () => ({ cookie: 'playground_learner=id.sig', origin: 'http://localhost:3000' });

describe('copy as curl from the HTTP log', () => {
  it('carries the learner cookie to this playground, so the command lands in the learner’s trace', async () => {
    expect(await learnerCurl(at('http://localhost:3000/oidc/me'), cookie)).toBe(
      "curl 'http://localhost:3000/oidc/me' -b 'playground_learner=id.sig'",
    );
  });

  it('never gives the playground’s cookie to another host', async () => {
    expect(await learnerCurl(at('https://mastodon.example/api/v1/apps'), cookie)).toBe(
      "curl 'https://mastodon.example/api/v1/apps'",
    );
  });

  it('copies the command without a cookie where the browser has none', async () => {
    const none = (async () => Response.json({ error: 'no_learner' }, { status: 401 })) as typeof fetch;
    expect(await fetchLearnerCookie(none)).toBeUndefined();
    const one = (async () =>
      Response.json({ cookie: 'playground_learner=a.b', origin: 'http://localhost:3000' })) as typeof fetch;
    expect(await fetchLearnerCookie(one)).toEqual({
      cookie: 'playground_learner=a.b',
      origin: 'http://localhost:3000',
    });
  });
});
