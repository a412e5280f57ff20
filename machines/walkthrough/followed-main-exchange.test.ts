import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { followedMainExchange } from '../../lib/rooms/followed-main-exchange';
import type { TraceEvent } from '../../lib/trace/types';
import { GRANTS } from '../registry';
import type { Recording } from './statements';

const grant = GRANTS.find((each) => each.slug === 'authorization-code-pkce')!;
const recording = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, '..', grant.slug, 'recorded-exchanges.json'), 'utf8'),
) as Recording;
const events = recording.events.map((event, index) => ({ ...event, seq: index + 1 }) as TraceEvent);
const pathOf = (seq: number | undefined) =>
  seq === undefined ? undefined : new URL(events[seq - 1]!.request.url).pathname;
const tokenStep = grant.steps.findIndex((step) => step.id === 'token-request');
// The room's view right after the token request: the JWKS fetched after it is the newest exchange.
const upToKeys = events.filter((event) => pathOf(event.seq) !== '/oidc/me').slice(0, 9);
const masked = { values: { code: 'abc…', code_verifier: 'xyz…' }, tokens: { access_token: 'eyJ…' } };

describe('a follower’s diagram highlights the instructor’s step’s own message', () => {
  it('after the token request: POST /oidc/token, not the JWKS the page fetched after it', () => {
    expect(pathOf(upToKeys.at(-1)!.seq)).toBe('/oidc/jwks');
    const seq = followedMainExchange(grant, tokenStep, {
      exchanges: upToKeys,
      ...masked,
      outcome: { phase: { kind: 'answered', status: 200 } },
    });
    expect(pathOf(seq)).toBe('/oidc/token');
  });

  it('while the instructor has not pressed “Next step”, the previous step’s message stays in view', () => {
    const seq = followedMainExchange(grant, tokenStep, {
      exchanges: events.slice(0, 7),
      ...masked,
      outcome: { phase: { kind: 'ready', action: 'send' } },
    });
    expect(events[seq! - 1]!.response.status).toBe(303);
    expect(pathOf(seq)).toMatch(/^\/oidc\/auth\//);
  });

  it('highlights nothing before the instructor has sent anything', () => {
    expect(followedMainExchange(grant, 0, { exchanges: [], ...masked })).toBeUndefined();
  });
});
