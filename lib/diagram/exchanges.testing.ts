import type { HeaderList, Role, TraceEvent } from '../trace/types';

/** A recorded exchange for the diagram's tests, shaped as the recorder stores one. */
export function exchange(
  seq: number,
  from: Role,
  to: Role,
  request: { method: string; url: string; headers?: HeaderList; body?: string },
  response: { status: number; headers?: HeaderList; body?: string },
): TraceEvent {
  return {
    id: String(seq),
    seq,
    time: '',
    durationMs: 1,
    from,
    to,
    channel: from === 'resource-owner' || to === 'resource-owner' ? 'front' : 'back',
    request: {
      method: request.method,
      url: `http://localhost:3000${request.url}`,
      headers: request.headers ?? [],
      body: request.body ?? null,
      bodyEncoding: 'utf8',
      truncated: false,
    },
    response: {
      status: response.status,
      headers: response.headers ?? [],
      body: response.body ?? null,
      bodyEncoding: 'utf8',
      truncated: false,
    },
  };
}

const FORM: HeaderList = [['content-type', 'application/x-www-form-urlencoded']];
const JSON_TYPE: HeaderList = [['content-type', 'application/json; charset=utf-8']];

/** The authorization-code grant with PKCE as the playground records it, then an API call. */
export const codeFlow: TraceEvent[] = [
  exchange(
    1,
    'resource-owner',
    'authorization-server',
    {
      method: 'GET',
      url: '/oidc/auth?client_id=playground-spa&response_type=code&scope=openid%20read&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcallback&state=s&code_challenge=c&code_challenge_method=S256',
    },
    { status: 303, headers: [['location', '/interaction/Zq1']] },
  ),
  exchange(
    2,
    'resource-owner',
    'authorization-server',
    {
      method: 'POST',
      url: '/interaction/Zq1/login',
      headers: FORM,
      body: 'username=alice&password=%5Bredacted%5D',
    },
    { status: 303, headers: [['location', 'http://localhost:3000/oidc/auth/Zq1']] },
  ),
  exchange(
    3,
    'resource-owner',
    'authorization-server',
    {
      method: 'GET',
      url: '/oidc/auth/Zq1',
      headers: [
        [
          'cookie',
          '_interaction_resume=[authorization server cookie, hidden]; _session=[authorization server cookie, hidden]; playground_learner=[learner id, hidden]',
        ],
      ],
    },
    {
      status: 303,
      headers: [
        [
          'location',
          'http://localhost:3000/callback?code=abc&state=s&iss=http%3A%2F%2Flocalhost%3A3000%2Foidc',
        ],
      ],
    },
  ),
  exchange(
    4,
    'client',
    'authorization-server',
    {
      method: 'POST',
      url: '/oidc/token',
      headers: FORM,
      body: 'grant_type=authorization_code&code=abc&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcallback&code_verifier=v&client_id=playground-spa',
    },
    {
      status: 200,
      headers: JSON_TYPE,
      body: JSON.stringify({
        access_token: 'at',
        token_type: 'Bearer',
        refresh_token: 'rt',
        id_token: 'e.y.j',
      }),
    },
  ),
  exchange(
    5,
    'client',
    'resource-server',
    { method: 'GET', url: '/api/v1/accounts/verify_credentials', headers: [['authorization', 'Bearer at']] },
    { status: 200, headers: JSON_TYPE, body: JSON.stringify({ id: '1', username: 'alice' }) },
  ),
];
