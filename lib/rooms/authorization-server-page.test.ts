import { describe, expect, it } from 'vitest';
import { exchange } from '../diagram/exchanges.testing';
import { authorizationServerPage } from './authorization-server-page';
import { maskRoomView } from './room-view';
import { instructorRun, signInRun } from './room-view.testing';

const run = signInRun();
const upTo = (seq: number) => run.filter((event) => event.seq <= seq);

describe('where the instructor is at the authorization server, read from the run’s exchanges', () => {
  it('is the sign-in page once the authorization request sends the browser to it', () => {
    expect(authorizationServerPage(upTo(11))).toBe('sign-in');
    expect(authorizationServerPage(upTo(12))).toBe('sign-in');
    // The form is posted and the server resumes the request: still signing in until consent is asked.
    expect(authorizationServerPage(upTo(13))).toBe('sign-in');
    expect(authorizationServerPage(upTo(14))).toBe('sign-in');
  });

  it('is the consent page once the server serves it, until the redirect back to the client', () => {
    expect(authorizationServerPage(upTo(15))).toBe('consent');
    expect(authorizationServerPage(upTo(16))).toBe('consent');
    expect(authorizationServerPage(upTo(17))).toBeUndefined();
  });

  it('is nowhere once any other exchange follows, or before the authorization request', () => {
    expect(authorizationServerPage([])).toBeUndefined();
    expect(authorizationServerPage(instructorRun.slice(2, 4))).toBeUndefined();
    const token = exchange(
      18,
      'client',
      'authorization-server',
      { method: 'POST', url: '/oidc/token' },
      { status: 200 },
    );
    expect(authorizationServerPage([...upTo(12), token])).toBeUndefined();
  });

  it('reads the same from the masked view students receive', () => {
    const view = maskRoomView({ exchanges: upTo(15), total: 5, values: {}, tokens: {} });
    expect(authorizationServerPage(view.exchanges)).toBe('consent');
  });

  it('an aborted interaction leaves the server’s pages', () => {
    const abort = exchange(
      16,
      'resource-owner',
      'authorization-server',
      { method: 'GET', url: '/interaction/Zq1/abort' },
      { status: 303, headers: [['location', 'http://localhost:3000/callback?error=access_denied']] },
    );
    expect(authorizationServerPage([...upTo(15), abort])).toBeUndefined();
  });
});
