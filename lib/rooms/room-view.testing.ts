import { exchange } from '../diagram/exchanges.testing';
import type { HeaderList, TraceEvent } from '../trace/types';
import type { RoomView } from './room-view';

/**
 * An instructor's authorization code run as the recorder keeps it, with secrets of real length, so
 * that a test can look for each of them, whole, in what students receive.
 */
export const SECRETS = {
  code: 'Sxq3bW8yqL0tM1nV7rPzK2aDfGhJkLmNoPqRsTuVwX',
  code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
  access_token: 'ZmFrZS1hY2Nlc3MtdG9rZW4tZm9yLWEtY2xhc3Nyb29t',
  refresh_token: 'cmVmcmVzaC10b2tlbi1vZi10aGUtaW5zdHJ1Y3Rvcg',
  id_token: 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLW9mLXRoZS1pZC10b2tlbg',
  client_secret: 'playground-web-secret',
  password: 'wonderland',
  cookie: 'unlabelled-session-cookie-value-1234',
  basic: 'cGxheWdyb3VuZC13ZWI6cGxheWdyb3VuZC13ZWItc2VjcmV0',
} as const;

const FORM: HeaderList = [['content-type', 'application/x-www-form-urlencoded']];
const JSON_TYPE: HeaderList = [['content-type', 'application/json; charset=utf-8']];

export const instructorRun: TraceEvent[] = [
  exchange(
    1,
    'resource-owner',
    'authorization-server',
    {
      method: 'POST',
      url: '/interaction/Zq1/login',
      headers: [
        ...FORM,
        ['cookie', `_interaction=[authorization server cookie, hidden]; other=${SECRETS.cookie}`],
      ],
      body: `username=alice&password=${SECRETS.password}`,
    },
    { status: 303, headers: [['set-cookie', `tracker=${SECRETS.cookie}; path=/; httponly`]] },
  ),
  exchange(
    2,
    'resource-owner',
    'authorization-server',
    { method: 'GET', url: '/oidc/auth/Zq1' },
    {
      status: 303,
      headers: [['location', `http://localhost:3000/callback?code=${SECRETS.code}&state=s1&iss=x`]],
    },
  ),
  exchange(
    3,
    'client',
    'authorization-server',
    {
      method: 'POST',
      url: '/oidc/token',
      headers: [...FORM, ['authorization', `Basic ${SECRETS.basic}`]],
      body: `grant_type=authorization_code&code=${SECRETS.code}&code_verifier=${SECRETS.code_verifier}&client_secret=${SECRETS.client_secret}`,
    },
    {
      status: 200,
      headers: JSON_TYPE,
      body: JSON.stringify({
        access_token: SECRETS.access_token,
        token_type: 'Bearer',
        refresh_token: SECRETS.refresh_token,
        id_token: SECRETS.id_token,
      }),
    },
  ),
  exchange(
    4,
    'client',
    'resource-server',
    {
      method: 'GET',
      url: `/oidc/session/end?id_token_hint=${SECRETS.id_token}`,
      headers: [['authorization', `Bearer ${SECRETS.access_token}`]],
    },
    { status: 200, headers: JSON_TYPE, body: '{"sub":"alice"}' },
  ),
  exchange(
    5,
    'resource-owner',
    'authorization-server',
    { method: 'GET', url: '/oidc/auth?response_type=token' },
    {
      status: 303,
      headers: [
        ['location', `http://localhost:3000/callback#access_token=${SECRETS.access_token}&token_type=Bearer`],
      ],
    },
  ),
];

/** The view as an instructor's browser would build it, but with nothing masked: what the server must mask. */
export const unmaskedView = (): RoomView => ({
  exchanges: instructorRun,
  total: instructorRun.length,
  request: {
    method: 'POST',
    url: 'http://localhost:3000/oidc/token',
    headers: [['Authorization', `Basic ${SECRETS.basic}`]],
    body: `grant_type=authorization_code&code=${SECRETS.code}&code_verifier=${SECRETS.code_verifier}&scope=openid+profile`,
    sender:
      'The client’s backend, on the playground’s server (back channel), with the client secret (HTTP Basic)',
  },
  values: { code: SECRETS.code, code_verifier: SECRETS.code_verifier, state: 's1' },
  tokens: {
    access_token: SECRETS.access_token,
    refresh_token: SECRETS.refresh_token,
    id_token: SECRETS.id_token,
    token_type: 'Bearer',
    expires_in: 3600,
  },
});

/** Every secret of the run that appears in `text`, whole. */
export const leakedSecrets = (text: string) =>
  Object.entries(SECRETS)
    .filter(([, secret]) => text.includes(secret) || text.includes(encodeURIComponent(secret)))
    .map(([name]) => name);

/** The instructor's sign-in and consent at the authorization server, as the servers record them. */
export const signInRun = (run = 'instructor-run-1'): TraceEvent[] =>
  [
    exchange(
      11,
      'resource-owner',
      'authorization-server',
      { method: 'GET', url: `/oidc/auth?response_type=code&state=s1&code_challenge=abc` },
      { status: 303, headers: [['location', '/interaction/Zq1']] },
    ),
    exchange(
      12,
      'resource-owner',
      'authorization-server',
      { method: 'GET', url: '/interaction/Zq1' },
      {
        status: 200,
        body: '<!-- HTML page: login page for Playground web app (rendered by the playground) -->',
      },
    ),
    exchange(
      13,
      'resource-owner',
      'authorization-server',
      {
        method: 'POST',
        url: '/interaction/Zq1/login',
        headers: [...FORM, ['cookie', `_interaction=${SECRETS.cookie}`]],
        body: `username=alice&password=${SECRETS.password}`,
      },
      { status: 303, headers: [['location', '/oidc/auth/Zq1']] },
    ),
    exchange(
      14,
      'resource-owner',
      'authorization-server',
      { method: 'GET', url: '/oidc/auth/Zq1' },
      { status: 303, headers: [['location', 'http://localhost:3000/interaction/Zq1']] },
    ),
    exchange(
      15,
      'resource-owner',
      'authorization-server',
      { method: 'GET', url: '/interaction/Zq1' },
      {
        status: 200,
        body: '<!-- HTML page: consent page for Playground web app (rendered by the playground) -->',
      },
    ),
    exchange(
      16,
      'resource-owner',
      'authorization-server',
      { method: 'POST', url: '/interaction/Zq1/confirm', headers: FORM, body: 'prompt=consent' },
      { status: 303, headers: [['location', '/oidc/auth/Zq1']] },
    ),
    exchange(
      17,
      'resource-owner',
      'authorization-server',
      { method: 'GET', url: '/oidc/auth/Zq1' },
      {
        status: 303,
        headers: [['location', `http://localhost:3000/callback?code=${SECRETS.code}&state=s1`]],
      },
    ),
  ].map((event) => ({ ...event, run }));
