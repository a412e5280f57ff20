import fs from 'node:fs';
import path from 'node:path';
import type { RoomView } from '../../lib/rooms/room-view';
import type { HeaderList, TraceEvent } from '../../lib/trace/types';
import type { RecordedExchange, Recording } from './statements';

/**
 * A recorded run (e2e/support/record-exchanges.mjs) made whole again for the room's secrets check
 * (./room-view-secrets.test.ts): wherever the recorder dropped a value (`[value not kept]` under its
 * own name, in a form, a query, a fragment or a JSON body of the lab's routes; an Authorization or
 * DPoP header), a value of its own stands, of a real value's shape and length; every response the
 * RFCs define a value for carries it; every request and answer carries the instructor's cookie.
 */

export const ORIGIN = 'http://localhost:3221';
const jwt = (name: string) =>
  `eyJhbGciOiJFUzI1NiJ9.eyJ${name.replace(/_/g, '')}IjoiYWxpY2UifQ.c2lnbmF0dXJlLW9m${name}`;
/** Each value the instructor holds once, of a real value's shape and length. */
export const PLANTED: Record<string, string> = {
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
  // What the lab's attacker holds of its own or kept of alice's (the scenarios' run values).
  attacker_token: jwt('attacker_token'),
  rotated_refresh_token: 'cm90YXRlZC1yZWZyZXNoLXRva2VuLW9mLXRoZS1hcHA',
  dpop_proof: jwt('dpop_proof'),
  basic: 'cGxheWdyb3VuZC13ZWI6cGxheWdyb3VuZC13ZWItc2VjcmV0',
  cookie: 'c2Vzc2lvbi1jb29raWUtb2YtdGhlLWluc3RydWN0b3I',
};
PLANTED.id_token_hint = PLANTED.id_token!;

export const planted = (name: string) => PLANTED[name] ?? 'v';

/** Where the recorder keeps a run: a grant's folder, or a scenario's under machines/attacks. */
export const recordingFile = (folder: string, defended = false) =>
  path.join(
    import.meta.dirname,
    '..',
    folder,
    defended ? 'recorded-exchanges.defended.json' : 'recorded-exchanges.json',
  );

export const recordingOf = (file: string): Recording | undefined =>
  fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Recording) : undefined;

/** How to record a missing run, as the failure says. */
export const recordCommand = (slug: string) =>
  `record it: next start -p 3241 (PUBLIC_ORIGIN=http://localhost:3241), then ` +
  `node e2e/support/record-exchanges.mjs http://localhost:3241 ${slug}`;

// The responses that carry a one-time or bearer value, by endpoint (RFC 6749 §5.1, RFC 8693 §2.2,
// RFC 9126 §2.2, RFC 8628 §3.2, RFC 7591 §3.2.1 with RFC 7592).
const RESPONSE_VALUES: Record<string, string[]> = {
  '/oidc/token': ['access_token', 'refresh_token', 'id_token'],
  '/oidc/request': ['request_uri'],
  '/oidc/device/auth': ['device_code', 'user_code'],
  '/oidc/reg': ['client_secret', 'registration_access_token'],
};
// What the front channel's addresses carry in their query, by path, where the recorder kept no query.
const QUERY_VALUES: Record<string, string[]> = {
  '/oidc/auth': ['request_uri'],
  '/oidc/device': ['user_code'],
  '/callback': ['code'],
  '/oidc/session/end': ['id_token_hint'],
};

const NOT_KEPT = '[value not kept]';
const query = (names: string[] | undefined) =>
  names ? `?${names.map((name) => `${name}=${encodeURIComponent(planted(name))}&state=s1`).join('&')}` : '';

/** Each `name=[value not kept]` of a form, a query or a fragment gets that name's value back. */
const plantedForm = (text: string) =>
  text.replace(
    /([^&=?#]+)=%5Bvalue\+not\+kept%5D/g,
    (_m, name: string) => `${name}=${encodeURIComponent(planted(name))}`,
  );

/**
 * Each `"name": "[value not kept]"` of a JSON body, at any depth, gets that name's value back; the
 * attacker's loot names its value by the `kind` beside it (`{"kind":"code","value":…}`, lib/attacks/loot.ts).
 */
function plantedJson(value: unknown, name = ''): unknown {
  if (Array.isArray(value)) return value.map((each) => plantedJson(each, name));
  if (value && typeof value === 'object') {
    const kind = 'kind' in value && typeof value.kind === 'string' ? value.kind : undefined;
    return Object.fromEntries(
      Object.entries(value).map(([key, each]) => [
        key,
        plantedJson(each, key === 'value' && kind ? kind : key),
      ]),
    );
  }
  return value === NOT_KEPT ? planted(name) : value;
}
const plantedBody = (body: string) =>
  body.startsWith('{') ? JSON.stringify(plantedJson(JSON.parse(body))) : plantedForm(body);

/** A recorded address with its values back: those the recorder named, or the path's usual ones. */
function plantedUrl(address: string): string {
  if (/[?#]/.test(address)) return plantedForm(address);
  return `${address}${query(QUERY_VALUES[new URL(address, ORIGIN).pathname])}`;
}

export function rehydrated(event: RecordedExchange, seq: number) {
  const url = new URL(event.request.url);
  const headers: HeaderList = event.request.headers.map(([name, value]) => [
    name,
    name === 'authorization'
      ? `${value.split(' ')[0]} ${value.startsWith('Basic') ? planted('basic') : planted('access_token')}`
      : name === 'dpop'
        ? planted('dpop_proof')
        : value,
  ]);
  const answered = RESPONSE_VALUES[url.pathname];
  const location = event.response.headers.find(([name]) => name === 'location')?.[1];
  const recordedBody = event.response.body;
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
      url: plantedUrl(event.request.url),
      headers: [...headers, ['cookie', `_session=${planted('cookie')}`]],
      body: event.request.body ? plantedBody(event.request.body) : null,
      bodyEncoding: 'utf8',
      truncated: false,
    },
    response: {
      status: event.response.status,
      headers: [
        ...(location ? ([['location', plantedUrl(location)]] as HeaderList) : []),
        ['set-cookie', `_session=${planted('cookie')}; path=/; httponly`],
      ],
      body: recordedBody
        ? plantedBody(recordedBody)
        : answered
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
  } satisfies TraceEvent;
}

/** The planted values a view holds whole or URL-encoded, by name. */
export const leaked = (views: RoomView[]) => {
  const text = JSON.stringify(views);
  return Object.entries(PLANTED)
    .filter(([, value]) => text.includes(value) || text.includes(encodeURIComponent(value)))
    .map(([name]) => name);
};
