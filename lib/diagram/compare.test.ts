import { describe, expect, it } from 'vitest';
import { grantBySlug } from '../../machines/registry';
import type { TraceEvent } from '../trace/types';
import { compareRun } from './compare';

const grant = (slug: string) => grantBySlug(slug)!;

const event = (channel: TraceEvent['channel']) => ({ channel }) as TraceEvent;
const value = (rows: ReturnType<typeof compareRun>, aspect: string) =>
  rows.find((row) => row.aspect === aspect)?.value;

describe('comparison of two grants', () => {
  it('counts front- and back-channel hops from the run’s exchanges', () => {
    const rows = compareRun(
      grant('authorization-code-pkce'),
      { tokens: { access_token: 'a', refresh_token: 'r' } },
      [event('front'), event('front'), event('back')],
    );
    expect(value(rows, 'Front-channel hops (this run)')).toBe('2');
    expect(value(rows, 'Back-channel hops (this run)')).toBe('1');
    expect(value(rows, 'Tokens returned (this run)')).toBe('access token, refresh token');
    expect(value(rows, 'Refresh token')).toBe('issued');
    expect(value(rows, 'Client type')).toBe('public');
    expect(value(rows, 'OAuth 2.1')).toBe('kept');
  });

  it('says where implicit exposes its tokens, and that OAuth 2.1 removed it', () => {
    const rows = compareRun(
      grant('implicit'),
      { tokens: { access_token: 'a' }, callback: { url: '', params: {}, in: 'fragment' } },
      [],
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
      value(compareRun(grant('client-credentials'), { tokens: {} }, []), 'Tokens returned (this run)'),
    ).toBe('none yet');
  });
});
