import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskRoomView, roomViewOf, withExchanges, type RoomView } from '../../lib/rooms/room-view';
import type { GrantDefinition } from '../../lib/walkthrough/types';
import type { HeaderList, TraceEvent } from '../../lib/trace/types';
import { ATTACKS } from '../attacks/registry';
import { GRANTS } from '../registry';
import { describeAction } from './describe';
import { contextFor, type RecordedExchange, type Recording } from './statements';

/**
 * No one-time or bearer value of the instructor's reaches a classroom room whole: every grant's
 * recorded run (machines/<grant>/recorded-exchanges.json, recorded for real by
 * e2e/support/record-exchanges.mjs, values left out) gets a value of its own back wherever the
 * recorder dropped one, and every response the RFCs define a value for carries it; every step's
 * request preview, of the grants and of the attack lab's scenarios, is built from a context holding
 * them all. The room's view, as the instructor's browser builds it and as the server masks it, holds
 * none of them, whole or URL-encoded.
 */

const ORIGIN = 'http://localhost:3221';
const jwt = (name: string) =>
  `eyJhbGciOiJFUzI1NiJ9.eyJ${name.replace(/_/g, '')}IjoiYWxpY2UifQ.c2lnbmF0dXJlLW9m${name}`;
/** Each value the instructor holds once, of a real value's shape and length. */
const PLANTED: Record<string, string> = {
  code: 'Sxq3bW8yqL0tM1nV7rPzK2aDfGhJkLmNoPqRsTuVwX',
  code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
  access_token: 'ZmFrZS1hY2Nlc3MtdG9rZW4tZm9yLWEtY2xhc3Nyb29t',
  refresh_token: 'cmVmcmVzaC10b2tlbi1vZi10aGUtaW5zdHJ1Y3Rvcg',
  id_token: jwt('id_token'),
  token: 'dG9rZW4tdG8tcmV2b2tlLW9yLWludHJvc3BlY3Q',
  client_secret: 'a-registered-client-secret-Qm9vb29vb28',
  client_assertion: jwt('client_assertion'),
  assertion: jwt('assertion'),
  device_code: 'ZGV2aWNlLWNvZGUtb2YtdGhlLXR2LWFwcC1wb2xs',
  user_code: 'WDJB-MJHT',
  request_uri: 'urn:ietf:params:oauth:request_uri:cHVzaGVkLXJlcXVlc3Qtb2Y',
  subject_token: 'c3ViamVjdC10b2tlbi1vZi1hbGljZS1mb3ItZXhjaGFuZ2U',
  actor_token: 'YWN0b3ItdG9rZW4tb2YtdGhlLWFzc2lzdGFudC1hcHA',
  registration_access_token: 'cmVnaXN0cmF0aW9uLWFjY2Vzcy10b2tlbi1yZmM3NTky',
  password: 'wonderland',
  dpop_proof: jwt('dpop_proof'),
  basic: 'cGxheWdyb3VuZC13ZWI6cGxheWdyb3VuZC13ZWItc2VjcmV0',
  cookie: 'c2Vzc2lvbi1jb29raWUtb2YtdGhlLWluc3RydWN0b3I',
};

const planted = (name: string) => PLANTED[name] ?? 'v';

// The responses that carry a one-time or bearer value, by endpoint (RFC 6749 §5.1, RFC 8693 §2.2,
// RFC 9126 §2.2, RFC 8628 §3.2, RFC 7591 §3.2.1 with RFC 7592).
const RESPONSE_VALUES: Record<string, string[]> = {
  '/oidc/token': ['access_token', 'refresh_token', 'id_token'],
  '/oidc/request': ['request_uri'],
  '/oidc/device/auth': ['device_code', 'user_code'],
  '/oidc/reg': ['client_secret', 'registration_access_token'],
};
// What the front channel's addresses carry in their query, by path.
const QUERY_VALUES: Record<string, string[]> = {
  '/oidc/auth': ['request_uri'],
  '/oidc/device': ['user_code'],
  '/callback': ['code'],
  '/oidc/session/end': ['id_token_hint'],
};
PLANTED.id_token_hint = PLANTED.id_token!;

const query = (names: string[] | undefined) =>
  names ? `?${names.map((name) => `${name}=${encodeURIComponent(planted(name))}&state=s1`).join('&')}` : '';

function rehydrated(event: RecordedExchange, seq: number): TraceEvent {
  const url = new URL(event.request.url);
  const headers: HeaderList = event.request.headers.map(([name, value]) => [
    name,
    name === 'authorization'
      ? `${value.split(' ')[0]} ${value.startsWith('Basic') ? planted('basic') : planted('access_token')}`
      : name === 'dpop'
        ? planted('dpop_proof')
        : value,
  ]);
  const body = event.request.body?.replace(
    /([^&=]+)=%5Bvalue\+not\+kept%5D/g,
    (_m, name: string) => `${name}=${encodeURIComponent(planted(name))}`,
  );
  const answered = RESPONSE_VALUES[url.pathname];
  const location = event.response.headers.find(([name]) => name === 'location')?.[1];
  return {
    id: String(seq),
    seq,
    time: '',
    durationMs: 1,
    from: event.from,
    to: event.to,
    channel: event.channel,
    request: {
      method: event.request.method,
      url: `${url.origin}${url.pathname}${query(QUERY_VALUES[url.pathname])}`,
      headers: [...headers, ['cookie', `_session=${planted('cookie')}`]],
      body: body ?? null,
      bodyEncoding: 'utf8',
      truncated: false,
    },
    response: {
      status: event.response.status,
      headers: [
        ...(location
          ? ([
              ['location', `${location}${query(QUERY_VALUES[new URL(location, ORIGIN).pathname])}`],
            ] as HeaderList)
          : []),
        ['set-cookie', `_session=${planted('cookie')}; path=/; httponly`],
      ],
      body: answered
        ? JSON.stringify({
            ...Object.fromEntries(answered.map((name) => [name, planted(name)])),
            ...(answered.includes('user_code')
              ? { verification_uri_complete: `${ORIGIN}/oidc/device?user_code=${planted('user_code')}` }
              : {}),
          })
        : null,
      bodyEncoding: 'utf8',
      truncated: false,
    },
  };
}

const recordingOf = (slug: string): Recording | undefined => {
  const file = path.join(import.meta.dirname, '..', slug, 'recorded-exchanges.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Recording) : undefined;
};

// What a walkthrough's context may hold: every value above but the header-only ones.
const values = Object.fromEntries(
  Object.keys(PLANTED)
    .filter((name) => name !== 'basic' && name !== 'cookie')
    .map((name) => [name, planted(name)]),
);

/** Every view the room may hear of a walkthrough: at each step, with the run so far. */
function viewsOf(grant: GrantDefinition, events: TraceEvent[]): RoomView[] {
  return grant.steps.flatMap((step, index) => {
    const context = { ...contextFor(grant, ORIGIN, index), values, tokens: values };
    const request = describeAction(step.action(context), grant, context);
    const shown = events.slice(0, Math.ceil(((index + 1) * events.length) / grant.steps.length));
    const unmasked: RoomView = {
      exchanges: shown,
      total: shown.length,
      ...(request ? { request } : {}),
      values,
      tokens: values,
    };
    const built = roomViewOf({ events: shown, values, tokens: values, ...(request ? { request } : {}) });
    return [maskRoomView(unmasked), built, withExchanges(built, events)];
  });
}

const leaked = (views: RoomView[]) => {
  const text = JSON.stringify(views);
  return Object.entries(PLANTED)
    .filter(([, value]) => text.includes(value) || text.includes(encodeURIComponent(value)))
    .map(([name]) => name);
};

describe('a room shows no one-time or bearer value of the instructor’s, whole', () => {
  for (const grant of GRANTS) {
    it(`${grant.slug}: from its recorded exchanges and every step’s request`, () => {
      const recording = recordingOf(grant.slug);
      const events = (recording?.events ?? []).map((event, index) => rehydrated(event, index + 1));
      expect(events.length, `${grant.slug} has a recorded run`).toBeGreaterThan(0);
      expect(leaked(viewsOf(grant, events))).toEqual([]);
    });
  }

  for (const attack of ATTACKS)
    it(`${attack.slug}: every step’s request`, () => {
      expect(leaked(viewsOf(attack, []))).toEqual([]);
    });

  it('would find a value the room leaves whole (the check can fail)', () => {
    const view = roomViewOf({ events: [], values: {}, tokens: {} });
    expect(leaked([{ ...view, values: { note: PLANTED.request_uri! } }])).toEqual(['request_uri']);
  });
});
