import { describe, expect, it } from 'vitest';
import { sendSchema } from './backend';

const send = (path: string) =>
  sendSchema.safeParse({ client_id: 'playground-first-party', request: { method: 'GET', path } });

describe('client backend: which paths it sends to', () => {
  it('sends to the playground’s own endpoints', () => {
    expect(send('/oidc/token').success).toBe(true);
    expect(send('/api/v1/accounts/verify_credentials').success).toBe(true);
  });

  it('refuses a path that only starts with an allowed prefix and climbs out with dot segments', () => {
    const climbing = send('/oidc/../api/rooms/ABCD2345');
    expect(climbing.success).toBe(false);
    expect(climbing.error?.issues[0]?.message).toMatch(/must not contain \. or \.\. segments/);
    expect(send('/api/v1/./../../api/trace').success).toBe(false);
  });
});
