import { describe, expect, it } from 'vitest';
import { maskForm, maskRoomText } from './room-view-mask';
import { maskRoomView } from './room-view';

// The values a student could use before the instructor does (./room-view-mask.ts, ROOM_ONE_TIME).
const REQUEST_URI = 'urn:ietf:params:oauth:request_uri:cHVzaGVkLXJlcXVlc3Qtb2Y';
const REGISTRATION = 'cmVnaXN0cmF0aW9uLWFjY2Vzcy10b2tlbi1yZmM3NTky';

describe('a room hides the instructor’s one-time values whole', () => {
  it('a pushed request_uri, in the authorization address, the PAR response and an error', () => {
    expect(
      maskRoomText(`/oidc/auth?client_id=playground-par&request_uri=${encodeURIComponent(REQUEST_URI)}`),
    ).toBe('/oidc/auth?client_id=playground-par&request_uri=••••');
    expect(JSON.parse(maskRoomText(JSON.stringify({ request_uri: REQUEST_URI, expires_in: 60 })))).toEqual({
      request_uri: '••••',
      expires_in: 60,
    });
    expect(maskRoomText(`request_uri ${REQUEST_URI} was used already`)).toBe(
      'request_uri •••• was used already',
    );
  });

  it('a registration_access_token (RFC 7592) and a device flow’s user_code, in bodies and addresses', () => {
    const registered = maskRoomText(
      JSON.stringify({ client_id: 'c1', registration_access_token: REGISTRATION }),
    );
    expect(JSON.parse(registered)).toEqual({ client_id: 'c1', registration_access_token: '••••' });
    const device = maskRoomText(
      JSON.stringify({
        user_code: 'WDJB-MJHT',
        verification_uri_complete: 'http://x/oidc/device?user_code=WDJB-MJHT',
      }),
    );
    expect(device).not.toContain('WDJB');
    expect(maskForm('user_code=WDJB-MJHT&confirm=yes')).toBe(
      `user_code=${encodeURIComponent('••••')}&confirm=yes`,
    );
  });

  it('the attacker’s loot, as its kind says, in a form and in JSON', () => {
    expect(maskForm('kind=code&value=Sxq3bW8yqL0tM1nV7rPzK2aDfGhJkLmNoPqRsTuVwX&client_id=lab')).toBe(
      `kind=code&value=${encodeURIComponent('Sxq3bW…')}&client_id=lab`,
    );
    expect(maskRoomText('kind=refresh_token&value=cmVmcmVzaC10b2tlbi1vZi10aGUtaW5zdHJ1Y3Rvcg')).toBe(
      'kind=refresh_token&value=cmVmcm…',
    );
    expect(maskRoomText('{"kind":"access_token","value":"ZmFrZS1hY2Nlc3MtdG9rZW4tZm9y"}')).toBe(
      '{"kind":"access_token","value":"ZmFrZS…"}',
    );
  });

  it('in the values the client holds, and changes nothing when masked again', () => {
    const view = maskRoomView({
      exchanges: [],
      total: 0,
      values: { request_uri: REQUEST_URI, user_code: 'WDJB-MJHT', expires_in: '60' },
      tokens: { registration_access_token: REGISTRATION },
    });
    expect(view.values).toEqual({ request_uri: '••••', user_code: '••••', expires_in: '60' });
    expect(view.tokens).toEqual({ registration_access_token: '••••' });
    expect(maskRoomView(view)).toEqual(view);
  });
});
