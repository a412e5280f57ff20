import { describe, expect, it } from 'vitest';
import { isLoopbackUrl, lanOriginHint } from './loopback';

describe('loopback join URLs', () => {
  it('recognises localhost, 127.0.0.0/8 and ::1, which other machines cannot open', () => {
    for (const url of [
      'http://localhost:3000/join/ABCD',
      'http://127.0.0.1:3000/join/ABCD',
      'http://127.1.2.3/join/ABCD',
      'http://[::1]:3000/join/ABCD',
      'http://class.localhost:3000/join/ABCD',
    ])
      expect(isLoopbackUrl(url), url).toBe(true);
  });

  it('leaves LAN and public addresses alone', () => {
    for (const url of [
      'http://192.168.1.20:3000/join/ABCD',
      'https://playground.example/join/ABCD',
      'http://localhost.example/join/ABCD',
      'http://128.0.0.1/join/ABCD',
    ])
      expect(isLoopbackUrl(url), url).toBe(false);
  });

  it('suggests the same scheme and port on the LAN address', () => {
    expect(lanOriginHint('http://localhost:3000/join/ABCD')).toBe('http://<your LAN address>:3000');
    expect(lanOriginHint('https://127.0.0.1/join/ABCD')).toBe('https://<your LAN address>');
  });
});
