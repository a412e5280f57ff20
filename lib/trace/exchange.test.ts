import { describe, expect, it } from 'vitest';
import { formIn, headerIn, requestHeader, responseHeader } from './exchange';
import type { HeaderList } from './types';

const FORM: HeaderList = [['Content-Type', 'application/x-www-form-urlencoded;charset=UTF-8']];

describe('reading a recorded exchange', () => {
  it('finds a header whatever the case of its name, in the request or the response', () => {
    const event = {
      request: { headers: [['Authorization', 'Basic eA==']] as HeaderList },
      response: { headers: [['location', '/callback?code=c']] as HeaderList },
    };
    expect(headerIn(event.request.headers, 'authorization')).toBe('Basic eA==');
    expect(requestHeader(event as never, 'AUTHORIZATION')).toBe('Basic eA==');
    expect(responseHeader(event as never, 'Location')).toBe('/callback?code=c');
    expect(headerIn([], 'location')).toBeUndefined();
  });

  it('reads a form body by its content type', () => {
    expect(formIn({ headers: FORM, body: 'grant_type=password&username=alice' })?.get('username')).toBe(
      'alice',
    );
    expect(formIn({ headers: [['content-type', 'application/json']], body: 'a=b' })).toBeUndefined();
    expect(formIn({ headers: FORM, body: null })).toBeUndefined();
    expect(formIn({ headers: FORM, body: 'YT1i', bodyEncoding: 'base64' })).toBeUndefined();
  });

  it('reads a preview without a content type as a form unless it is JSON', () => {
    expect(formIn({ headers: [], body: 'code=c' })?.get('code')).toBe('c');
    expect(formIn({ headers: [], body: ' {"code":"c"}' })).toBeUndefined();
  });
});
