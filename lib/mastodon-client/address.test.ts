import { describe, expect, it } from 'vitest';
import { parseInstanceAddress } from './address';

describe('parseInstanceAddress', () => {
  it.each([
    ['mastodon.social', 'https://mastodon.social'],
    ['  Mastodon.Social  ', 'https://mastodon.social'],
    ['https://mastodon.social', 'https://mastodon.social'],
    ['https://mastodon.social/', 'https://mastodon.social'],
    ['https://fosstodon.org/@alice', 'https://fosstodon.org'],
    ['https://fosstodon.org/@alice/1234?x=1#y', 'https://fosstodon.org'],
    ['@alice@hachyderm.io', 'https://hachyderm.io'],
    ['alice@hachyderm.io', 'https://hachyderm.io'],
    ['https://example.com:8443', 'https://example.com:8443'],
    ['http://localhost:3101', 'http://localhost:3101'],
    ['http://127.0.0.1:4000/@bob', 'http://127.0.0.1:4000'],
    ['localhost:3101', 'http://localhost:3101'],
    ['@alice@127.0.0.1:3101', 'http://127.0.0.1:3101'],
  ])('reads %j as %s', (input, origin) => {
    expect(parseInstanceAddress(input)).toMatchObject({ ok: true, origin });
  });

  it.each([
    ['', /Enter the address/],
    ['   ', /Enter the address/],
    ['http://mastodon.social', /Only https/],
    ['ftp://mastodon.social', /Only https/],
    ['javascript:alert(1)', /Only https|not an address|full domain/],
    ['https://user:pw@mastodon.social', /user name or password/],
    ['mastodon', /not a full domain/],
    ['https://exa mple.com', /is not an address/],
    ['@alice@', /not an address|full domain/],
  ])('refuses %j with a clear message', (input, message) => {
    const result = parseInstanceAddress(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
