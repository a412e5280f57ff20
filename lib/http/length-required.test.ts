import { describe, expect, it } from 'vitest';
import { lengthRequiredResponse } from './length-required';

const post = (headers: Record<string, string>) =>
  new Request('http://localhost:3000/interaction/Zq1/login', { method: 'POST', headers });

describe('a body of no declared length on a route behind the proxy (RFC 9110 section 15.5.12)', () => {
  it('is refused with 411 in OAuth’s error format, and the connection ends with the answer', async () => {
    const response = lengthRequiredResponse(post({ 'transfer-encoding': 'chunked' }))!;
    expect(response.status).toBe(411);
    expect(response.headers.get('connection')).toBe('close');
    expect(await response.json()).toEqual({
      error: 'invalid_request',
      error_description: expect.stringContaining(
        'must declare its length (Content-Length), of at most 64 KB',
      ),
    });
  });

  it('lets a declared length through (the route refuses it past 64 KB), and a request without a body', () => {
    expect(lengthRequiredResponse(post({ 'content-length': '30' }))).toBeUndefined();
    expect(lengthRequiredResponse(new Request('http://localhost:3000/'))).toBeUndefined();
  });
});
