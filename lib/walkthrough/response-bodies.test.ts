import { describe, expect, it } from 'vitest';
import {
  acctOf,
  errorResponseOf,
  jsonMembers,
  jsonObjectOf,
  oauthErrorIn,
  pushedAuthorizationResponseOf,
  subjectOf,
  tokenResponseOf,
  tokenSet,
} from './response-bodies';

describe('the members a walkthrough reads of a response body', () => {
  it('reads a token response’s members, and none of another type', () => {
    expect(tokenResponseOf({ access_token: 'at', token_type: 'Bearer', expires_in: 300, extra: 1 })).toEqual({
      access_token: 'at',
      token_type: 'Bearer',
      expires_in: 300,
    });
    expect(tokenResponseOf({ access_token: 42, expires_in: '300' })).toEqual({});
    expect(tokenResponseOf('<html>')).toEqual({});
    expect(tokenResponseOf(null)).toEqual({});
  });

  it('shows an error response verbatim with its status, and names a missing error by the status', () => {
    expect(oauthErrorIn({ status: 400, body: { error: 'invalid_grant', error_uri: 'u' } })).toEqual({
      error: 'invalid_grant',
      error_uri: 'u',
      status: 400,
    });
    expect(oauthErrorIn({ status: 502, body: '<html>' })).toEqual({ error: 'HTTP 502', status: 502 });
    expect(oauthErrorIn({ status: 400, body: { error: 'x', error_description: 7 } })).toEqual({
      error: 'x',
      status: 400,
    });
    expect(errorResponseOf({ error: 'slow_down' })).toEqual({ error: 'slow_down' });
  });

  it('reads a subject, an account and a pushed request’s reference only when they are strings', () => {
    expect(subjectOf({ sub: 'alice' })).toBe('alice');
    expect(subjectOf({ sub: 1 })).toBeUndefined();
    expect(acctOf({ acct: 'alice' })).toBe('alice');
    expect(acctOf(undefined)).toBeUndefined();
    expect(pushedAuthorizationResponseOf({ request_uri: 'urn:x', expires_in: 60 })).toEqual({
      request_uri: 'urn:x',
      expires_in: 60,
    });
  });

  it('keeps only a run’s token members of a room’s tokens', () => {
    expect(tokenSet.parse({ access_token: 'eyJ…', expires_in: 300, other: 'x' })).toEqual({
      access_token: 'eyJ…',
      expires_in: 300,
    });
    expect(jsonMembers([1, 2])).toEqual({});
  });

  it('reads a JSON object’s members, and no members of an array, a text or null', () => {
    expect(jsonObjectOf({ error: 'invalid_grant', n: 1 })).toEqual({ error: 'invalid_grant', n: 1 });
    for (const body of [[1, 2], 'text', null, undefined, 42]) expect(jsonObjectOf(body)).toBeUndefined();
    expect(jsonMembers('text')).toEqual({});
  });
});
