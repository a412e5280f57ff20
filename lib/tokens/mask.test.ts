import { describe, expect, it } from 'vitest';
import { maskSecrets } from './mask';

describe('masking secrets for the presenter view', () => {
  it('shortens tokens and codes in JSON', () => {
    expect(maskSecrets('{"access_token":"abcdefghijklmnop","token_type":"Bearer","expires_in":3600}')).toBe(
      '{"access_token":"abcdef…","token_type":"Bearer","expires_in":3600}',
    );
  });

  it('shortens form fields and Bearer tokens, and hides Basic credentials', () => {
    expect(maskSecrets('grant_type=password&username=alice&password=wonderland&scope=openid')).toBe(
      'grant_type=password&username=alice&password=wonder…&scope=openid',
    );
    expect(maskSecrets('authorization: Bearer eyJhbGciOiJFUzI1NiJ9.payload.sig')).toBe(
      'authorization: Bearer eyJhbG…',
    );
    expect(maskSecrets('authorization: Basic cGxheWdyb3VuZA==')).toBe('authorization: Basic ••••');
    expect(maskSecrets('Authorization: Basic base64(playground-web:<client secret>)')).toBe(
      'Authorization: Basic ••••',
    );
  });

  it('shortens tokens in a fragment, DPoP-bound tokens, client assertions and exchanged tokens', () => {
    expect(
      maskSecrets('location: http://localhost/callback#access_token=abcdefghijklmnop&token_type=Bearer'),
    ).toBe('location: http://localhost/callback#access_token=abcdef…&token_type=Bearer');
    expect(
      maskSecrets('<a href="/callback#id_token=abcdefghijklmnop&amp;access_token=abcdefghijklmnop">'),
    ).toBe('<a href="/callback#id_token=abcdef…&amp;access_token=abcdef…">');
    expect(maskSecrets('authorization: DPoP eyJhbGciOiJFUzI1NiJ9.payload.sig')).toBe(
      'authorization: DPoP eyJhbG…',
    );
    expect(maskSecrets('error_description: DPoP proof JWT is missing')).toBe(
      'error_description: DPoP proof JWT is missing',
    );
    expect(
      maskSecrets(
        'grant_type=client_credentials&client_assertion=eyJhbGciOiJFUzI1NiJ9.claims.sig&scope=read',
      ),
    ).toBe('grant_type=client_credentials&client_assertion=eyJhbG…&scope=read');
    expect(maskSecrets('subject_token=abcdefghijklmnop&actor_token=qrstuvwxyz123456')).toBe(
      'subject_token=abcdef…&actor_token=qrstuv…',
    );
  });

  it('leaves text without secrets as it is', () => {
    expect(maskSecrets('{"sub":"alice","name":"Alice Liddell"}')).toBe(
      '{"sub":"alice","name":"Alice Liddell"}',
    );
  });

  it('shortens a DPoP-bound token in its Authorization header and the tokens a token exchange sends', () => {
    expect(maskSecrets('authorization: DPoP eyJhbGciOiJFUzI1NiIsInR5cCI6ImF0K2p3dCJ9.x.y')).toBe(
      'authorization: DPoP eyJhbG…',
    );
    expect(
      maskSecrets('grant_type=x&subject_token=eyJhbGciOiJFUzI1NiJ9.a.b&actor_token=opaque-token-value'),
    ).toBe('grant_type=x&subject_token=eyJhbG…&actor_token=opaque…');
  });

  it('shortens a DPoP proof header and cookie values, and keeps the labels the recorder put in their place', () => {
    expect(maskSecrets('content-type: text/plain\ndpop: eyJ0eXAiOiJkcG9wK2p3dCJ9.claims.sig')).toBe(
      'content-type: text/plain\ndpop: eyJ0eX…',
    );
    expect(maskSecrets('cookie: _session=abcdefghijklmnop; playground_learner=[learner id, hidden]')).toBe(
      'cookie: _session=abcdef…; playground_learner=[learner id, hidden]',
    );
    expect(maskSecrets('set-cookie: theme=abcdefghijkl; path=/; httponly')).toBe(
      'set-cookie: theme=abcdef…; path=/; httponly',
    );
  });
});
