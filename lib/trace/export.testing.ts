import fs from 'node:fs';
import path from 'node:path';
import type { HeaderList, TraceEvent } from './types';

/**
 * The recorded exchanges of every grant (machines/<slug>/recorded-exchanges.json, from real runs by
 * e2e/support/record-exchanges.mjs) with a distinct secret put back where the recording says a value
 * was not kept: each secret form field, Authorization and DPoP header, and the token endpoint's and
 * the device authorization endpoint's answers (the recordings keep no response bodies), a code in the
 * callback's Location, and cookies. An export that masks as the projector does leaves none of them.
 */

const MACHINES = path.join(import.meta.dirname, '..', '..', 'machines');
const NOT_KEPT = '[value not kept]';
const SECRET_FIELDS = new Set([
  'code',
  'code_verifier',
  'password',
  'device_code',
  'client_assertion',
  'client_secret',
  'token',
  'refresh_token',
  'subject_token',
  'actor_token',
]);

type Recorded = {
  from: TraceEvent['from'];
  to: TraceEvent['to'];
  channel: TraceEvent['channel'];
  request: { method: string; url: string; headers: HeaderList; body: string | null };
  response: { status: number; headers: HeaderList };
};

export const recordedSlugs = () =>
  fs
    .readdirSync(MACHINES)
    .filter((slug) => fs.existsSync(path.join(MACHINES, slug, 'recorded-exchanges.json')));

export function recordingWithSecrets(slug: string): { events: TraceEvent[]; secrets: string[] } {
  const { events } = JSON.parse(
    fs.readFileSync(path.join(MACHINES, slug, 'recorded-exchanges.json'), 'utf8'),
  ) as { events: Recorded[] };
  const secrets: string[] = [];
  const secret = (kind: string) => {
    const value = `${kind}-secret-${secrets.length}-${'s'.repeat(24)}`;
    secrets.push(value);
    return value;
  };
  const filled = events.map((event, index): TraceEvent => {
    const { request, response } = event;
    const headers = request.headers.map(([name, value]): [string, string] =>
      name === 'authorization'
        ? [name, value.replace(NOT_KEPT, secret(value.split(' ')[0]!.toLowerCase()))]
        : name === 'dpop'
          ? [name, `eyJ0eXAiOiJkcG9wK2p3dCJ9.${secret('dpop')}.sig`]
          : [name, value],
    );
    if (event.from === 'resource-owner') headers.push(['cookie', `_session=${secret('cookie')}`]);
    let body = request.body;
    if (body && !body.startsWith('{')) {
      const form = new URLSearchParams(body);
      for (const [name, value] of [...form])
        form.set(name, value !== NOT_KEPT ? value : SECRET_FIELDS.has(name) ? secret(name) : `plain-${name}`);
      body = form.toString();
    }
    const url = new URL(request.url);
    const responseHeaders = response.headers.map(([name, value]): [string, string] =>
      name === 'location' && value.endsWith('/callback')
        ? [name, `${value}?code=${secret('code')}&state=plain-state`]
        : [name, value],
    );
    const answer =
      url.pathname === '/oidc/token' && response.status === 200
        ? {
            access_token: secret('access_token'),
            refresh_token: secret('refresh_token'),
            id_token: secret('id_token'),
            token_type: 'Bearer',
          }
        : url.pathname === '/oidc/device/auth'
          ? { device_code: secret('device_code'), user_code: 'WDJB-MJHT' }
          : undefined;
    if (answer) responseHeaders.push(['content-type', 'application/json']);
    if (event.from === 'resource-owner')
      responseHeaders.push(['set-cookie', `_session=${secret('set-cookie')}; path=/`]);
    return {
      id: `${slug}-${index}`,
      seq: index + 1,
      time: new Date(Date.UTC(2026, 0, 1, 9, 0, index)).toISOString(),
      durationMs: 12,
      from: event.from,
      to: event.to,
      channel: event.channel,
      request: { ...request, headers, body, bodyEncoding: 'utf8', truncated: false },
      response: {
        status: response.status,
        headers: responseHeaders,
        body: answer ? JSON.stringify(answer) : null,
        bodyEncoding: 'utf8',
        truncated: false,
      },
    };
  });
  return { events: filled, secrets };
}
