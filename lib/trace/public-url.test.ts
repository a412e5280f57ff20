import { describe, expect, it } from 'vitest';
import { publicUrl } from './public-url';

describe('the public URL of a request', () => {
  it('keeps the path and query and replaces scheme, host and port with the public origin', () => {
    expect(publicUrl('http://localhost:4790/oidc/token?x=1&y=%20', 'http://127.0.0.1:4790')).toBe(
      'http://127.0.0.1:4790/oidc/token?x=1&y=%20',
    );
    expect(publicUrl('http://localhost:3000/api/v1/apps', 'https://oauth.class.example')).toBe(
      'https://oauth.class.example/api/v1/apps',
    );
  });

  it('drops a trailing slash of the origin instead of doubling it', () => {
    expect(publicUrl('http://localhost:3000/oidc/me', 'http://192.168.1.20:3000/')).toBe(
      'http://192.168.1.20:3000/oidc/me',
    );
  });
});
