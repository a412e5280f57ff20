import { describe, expect, it } from 'vitest';
import { formActionDirective, formActionSource } from './form-action';

describe('form-action for a form whose redirects end at the client', () => {
  it('allows the origin of an http(s) redirect URI, not its path', () => {
    expect(formActionSource('http://127.0.0.1:4000/mastodon/callback?x=1')).toBe('http://127.0.0.1:4000');
    expect(formActionSource('https://app.example/cb')).toBe('https://app.example');
  });

  it('allows a native app’s private-use scheme as a scheme source', () => {
    expect(formActionSource('com.example.app:/oauth2redirect')).toBe('com.example.app:');
  });

  it('adds nothing for a missing or unparsable URI', () => {
    expect(formActionDirective(undefined, 'not a uri')).toBe("form-action 'self'");
  });

  it('names each end once', () => {
    expect(formActionDirective('https://app.example/a', 'https://app.example/b')).toBe(
      "form-action 'self' https://app.example",
    );
  });
});
