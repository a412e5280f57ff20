import { describe, expect, it } from 'vitest';
import { grantBySlug } from '../../machines/registry';
import type { TraceEvent } from '../trace/types';
import { compareRun } from './compare';

const grant = (slug: string) => grantBySlug(slug)!;

const exchange = (
  channel: TraceEvent['channel'],
  path: string,
  status: number,
  requestHeaders: Array<[string, string]>,
  location?: string,
) =>
  ({
    channel,
    from: channel === 'front' ? 'resource-owner' : 'client',
    to: path.startsWith('/callback') ? 'client' : 'authorization-server',
    request: { method: 'GET', url: `http://localhost:3000${path}`, headers: requestHeaders, body: null },
    response: { status, headers: location ? [['location', location]] : [], body: null },
  }) as unknown as TraceEvent;
const front = (path: string, status: number, location?: string) =>
  exchange('front', path, status, [], location);
const back = (path: string, status: number, headers: Array<[string, string]>) =>
  exchange('back', path, status, headers);
const value = (rows: ReturnType<typeof compareRun>, aspect: string) =>
  rows.find((row) => row.aspect === aspect)?.value;

describe('comparison of two grants', () => {
  it('counts front-channel hops by role: to the authorization server and back, not each sign-in page', () => {
    const rows = compareRun(
      grant('authorization-code-pkce'),
      { tokens: { access_token: 'a', refresh_token: 'r' } },
      [
        front('/oidc/auth', 303, '/interaction/abc'),
        front('/interaction/abc', 200),
        front('/interaction/abc/login', 303, '/oidc/auth/abc'),
        front('/oidc/auth/abc', 303, 'http://localhost:3000/callback?code=c'),
        back('/oidc/token', 200, []),
      ],
    );
    expect(value(rows, 'Front-channel hops (this run)')).toBe('2');
    expect(value(rows, 'Back-channel hops (this run)')).toBe('1');
    expect(value(rows, 'Tokens returned (this run)')).toBe('access token, refresh token');
    expect(value(rows, 'Refresh token')).toBe('issued');
    expect(value(rows, 'Where tokens are exposed')).toBe('the browser: JavaScript memory');
    expect(value(rows, 'Client type')).toBe('public');
    expect(value(rows, 'OAuth 2.1')).toBe('kept');
  });

  it('counts the steps’ own messages as hops, not the JWKS or the introspection that support them', () => {
    const rows = compareRun(grant('authorization-code-pkce'), { tokens: { access_token: 'a' } }, [
      back('/oidc/token', 200, []),
      back('/oidc/jwks', 200, []),
      back('/oidc/me', 200, []),
      { ...back('/oidc/token/introspection', 200, []), from: 'resource-server' } as TraceEvent,
      { ...back('/api/v1/accounts/verify_credentials', 200, []), to: 'resource-server' } as TraceEvent,
    ]);
    expect(value(rows, 'Back-channel hops (this run)')).toBe('3');
  });

  it('says where tokens went from the exchange that delivered them: the client’s server when it sent the request', () => {
    const rows = compareRun(grant('client-credentials'), { tokens: { access_token: 'a' } }, [
      back('/oidc/token', 200, [['x-playground-on-behalf', '[signed by the playground]']]),
    ]);
    expect(value(rows, 'Where tokens are exposed')).toMatch(/^the client’s server/);
  });

  it('shows “not yet run” for every run-dependent row before a side has sent anything', () => {
    for (const slug of ['authorization-code-pkce', 'implicit']) {
      const rows = compareRun(grant(slug), { tokens: {} }, []);
      for (const aspect of [
        'Front-channel hops (this run)',
        'Back-channel hops (this run)',
        'Tokens returned (this run)',
        'Refresh token',
        'Where tokens are exposed',
      ])
        expect(value(rows, aspect), `${slug}: ${aspect}`).toBe('not yet run');
    }
  });

  it('says where implicit exposes its tokens, and that OAuth 2.1 removed it', () => {
    const rows = compareRun(
      grant('implicit'),
      { tokens: { access_token: 'a' }, callback: { url: '', params: {}, in: 'fragment' } },
      [front('/oidc/auth', 303, 'http://localhost:3000/callback#access_token=a')],
    );
    expect(value(rows, 'Where tokens are exposed')).toBe('the browser: URL fragment and history');
    expect(value(rows, 'OAuth 2.1')).toBe('removed');
  });

  it('tells a grant with no user from one where the client sees the password', () => {
    expect(value(compareRun(grant('client-credentials'), { tokens: {} }, []), 'User involved')).toBe('no');
    expect(value(compareRun(grant('password'), { tokens: {} }, []), 'User involved')).toBe(
      'yes, and the client sees the password',
    );
    expect(
      value(
        compareRun(grant('client-credentials'), { tokens: {} }, [back('/oidc/token', 400, [])]),
        'Tokens returned (this run)',
      ),
    ).toBe('none yet');
  });
});
