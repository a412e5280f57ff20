import type { TraceEvent } from '../trace/types';
import type { Evidence, IssuedToken } from './types';

/**
 * Traces for the graders' tests, shaped as the playground's recorder writes them: the exchanges a
 * learner's requests cause, with their positions.
 */
const event = (
  seq: number,
  request: Pick<TraceEvent['request'], 'method' | 'url' | 'headers' | 'body'>,
  response: Pick<TraceEvent['response'], 'status' | 'body'>,
): TraceEvent => ({
  id: `event-${seq}`,
  seq,
  time: new Date(1_700_000_000_000 + seq * 1000).toISOString(),
  durationMs: 5,
  from: 'client',
  to: request.url.includes('/oidc/') ? 'authorization-server' : 'resource-server',
  channel: 'back',
  request: { ...request, bodyEncoding: 'utf8', truncated: false },
  response: {
    ...response,
    headers: [['content-type', 'application/json; charset=utf-8']],
    bodyEncoding: 'utf8',
    truncated: false,
  },
});

/** A POST to the token endpoint with a form, and the JSON it got. */
export const tokenRequest = (
  seq: number,
  form: Record<string, string>,
  status: number,
  body: Record<string, unknown>,
): TraceEvent =>
  event(
    seq,
    {
      method: 'POST',
      url: 'http://localhost:3000/oidc/token',
      headers: [['content-type', 'application/x-www-form-urlencoded']],
      body: new URLSearchParams(form).toString(),
    },
    { status, body: JSON.stringify(body) },
  );

/**
 * A call to the API (or userinfo) with an Authorization header, and its status; with `proof`, a DPoP proof
 * goes with it (RFC 9449 §7.1), and with `run`, a walkthrough's run sent it.
 */
export function apiCall(
  seq: number,
  path: string,
  authorization: string,
  status: number,
  { proof, run }: { proof?: boolean; run?: string } = {},
): TraceEvent {
  const call = event(
    seq,
    {
      method: 'GET',
      url: `http://localhost:3000${path}`,
      headers: [
        ['authorization', authorization],
        ...(proof ? [['dpop', 'proof.jwt.sig'] as [string, string]] : []),
      ],
      body: null,
    },
    { status, body: status === 200 ? '{}' : JSON.stringify({ error: 'The access token is invalid' }) },
  );
  if (run) call.run = run;
  return call;
}

/** A call to the API (or userinfo) with a Bearer token, and its status. */
export const bearerCall = (seq: number, path: string, token: string, status: number): TraceEvent =>
  apiCall(seq, path, `Bearer ${token}`, status);

/** A POST to the PAR endpoint, answered with a request_uri (RFC 9126 §2.2). */
export const pushedRequest = (seq: number, requestUri: string): TraceEvent =>
  event(
    seq,
    {
      method: 'POST',
      url: 'http://localhost:3000/oidc/request',
      headers: [['content-type', 'application/x-www-form-urlencoded']],
      body: 'client_id=playground-par&scope=openid',
    },
    { status: 201, body: JSON.stringify({ request_uri: requestUri, expires_in: 60 }) },
  );

/** The browser at the authorization endpoint with a query; with `code`, the redirect that brings it back. */
export const authorizationVisit = (
  seq: number,
  query: Record<string, string>,
  code?: string,
  run?: string,
): TraceEvent => {
  const visit = event(
    seq,
    {
      method: 'GET',
      url: `http://localhost:3000/oidc/auth${code ? '/uid-1' : ''}?${new URLSearchParams(query)}`,
      headers: [],
      body: null,
    },
    { status: 303, body: null },
  );
  visit.from = 'resource-owner';
  visit.channel = 'front';
  if (run) visit.run = run;
  visit.response.headers = [
    ['location', code ? `http://localhost:3000/callback?code=${code}&state=s` : '/interaction/uid-1'],
  ];
  return visit;
};

/** The device's request for a device code and a user code (RFC 8628 §3.1). */
export const deviceAuthorization = (seq: number, deviceCode: string, userCode: string): TraceEvent =>
  event(
    seq,
    {
      method: 'POST',
      url: 'http://localhost:3000/oidc/device/auth',
      headers: [['content-type', 'application/x-www-form-urlencoded']],
      body: 'client_id=playground-tv&scope=openid',
    },
    { status: 200, body: JSON.stringify({ device_code: deviceCode, user_code: userCode, expires_in: 600 }) },
  );

/** The user code typed at the verification page, in the learner's own browser. */
export const userCodeEntry = (seq: number, userCode: string): TraceEvent => {
  const entry = event(
    seq,
    {
      method: 'POST',
      url: 'http://localhost:3000/oidc/device',
      headers: [['content-type', 'application/x-www-form-urlencoded']],
      body: new URLSearchParams({ xsrf: 'x', user_code: userCode }).toString(),
    },
    { status: 200, body: null },
  );
  entry.from = 'resource-owner';
  entry.channel = 'front';
  return entry;
};

/** Evidence from a trace and the tokens the server issued (by value). */
export const evidenceOf = (events: TraceEvent[], issued: Record<string, IssuedToken> = {}): Evidence => ({
  events,
  accessToken: async (token) => issued[token],
});
