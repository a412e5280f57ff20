import { describe, expect, it } from 'vitest';
import { STATIC_SCOPES } from '../oidc/scopes';
import { compareScopes } from './scope-grant';

const server = { serverScopes: STATIC_SCOPES };

describe('asked for / granted', () => {
  it('flags a scope unknown to the server as dropped for that reason', () => {
    const comparison = compareScopes('openid banana admin', 'openid', server);
    expect(comparison.granted).toEqual(['openid']);
    expect(comparison.dropped).toEqual([
      { scope: 'banana', reason: 'unknown-to-server' },
      { scope: 'admin', reason: 'unknown-to-server' },
    ]);
    expect(comparison.added).toEqual([]);
  });

  it('notices a response with no scope member at all', () => {
    const comparison = compareScopes('admin', undefined, server);
    expect(comparison.responseOmittedScope).toBe(true);
    expect(comparison.dropped).toEqual([{ scope: 'admin', reason: 'unknown-to-server' }]);
  });

  it('flags a known scope outside the client’s registered scope as not allowed for this client', () => {
    const comparison = compareScopes('read write', 'read', { ...server, clientScope: 'openid read' });
    expect(comparison.dropped).toEqual([{ scope: 'write', reason: 'not-allowed-for-client' }]);
  });

  it('explains offline_access dropped by the server’s rule for refresh tokens', () => {
    const comparison = compareScopes('openid offline_access', 'openid', {
      ...server,
      offlineAccessAllowed: false,
    });
    expect(comparison.dropped).toEqual([{ scope: 'offline_access', reason: 'offline-access-rule' }]);
  });

  it('explains a scope left out because the token is for a resource that does not use it', () => {
    const comparison = compareScopes('openid read', 'read', { ...server, resourceScopes: ['read', 'write'] });
    expect(comparison.dropped).toEqual([{ scope: 'openid', reason: 'not-for-resource' }]);
  });

  it('says a known, allowed scope was simply not granted, and lists what came unasked', () => {
    const comparison = compareScopes('openid email', 'openid profile', server);
    expect(comparison.dropped).toEqual([{ scope: 'email', reason: 'not-granted' }]);
    expect(comparison.added).toEqual(['profile']);
  });

  it('reports nothing dropped when everything asked for was granted, in any order, once', () => {
    const comparison = compareScopes('read  openid read', 'openid read', server);
    expect(comparison.asked).toEqual(['read', 'openid']);
    expect(comparison.dropped).toEqual([]);
  });
});
