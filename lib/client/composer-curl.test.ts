import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../config/env';
import { basicAuthorization } from '../http/basic-auth';
import { newLearnerId, signLearnerId } from '../trace/learner';
import { composedCurl } from './composer-curl';

const key = randomBytes(32);
const cookie = `playground_learner=${signLearnerId(newLearnerId(), key)}`;
const env = readEnv({ PUBLIC_ORIGIN: 'http://localhost:3000' });

beforeAll(() => {
  globalThis.playgroundLearnerKey = Promise.resolve(key);
});
afterAll(() => {
  globalThis.playgroundLearnerKey = undefined;
});

async function curlOf(composed: Record<string, unknown>) {
  const response = await composedCurl(
    new Request('http://localhost:3000/api/client/compose/curl', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `_session=x; ${cookie}` },
      body: JSON.stringify(composed),
    }),
    env,
  );
  return {
    status: response.status,
    body: (await response.json()) as { command?: string; error_description?: string },
  };
}

describe('request composer: copy as curl', () => {
  it('writes the request to the public origin as the client sends it, with the learner cookie only', async () => {
    const { body } = await curlOf({
      method: 'POST',
      path: '/oidc/token',
      client_id: 'playground-service',
      form: [{ name: 'grant_type', value: 'client_credentials' }],
    });
    expect(body.command).toBe(
      `curl -X POST 'http://localhost:3000/oidc/token' -H 'accept: application/json' -H 'content-type: application/x-www-form-urlencoded' -H 'authorization: ${basicAuthorization('playground-service', 'playground-service-secret')}' -b '${cookie}' --data-raw 'grant_type=client_credentials'`,
    );
  });

  it('keeps the learner’s own headers over the defaults', async () => {
    const { body } = await curlOf({
      method: 'GET',
      path: '/api/v1/accounts/verify_credentials',
      headers: [
        { name: 'Accept', value: 'text/plain' },
        { name: 'Authorization', value: 'Bearer abc' },
      ],
    });
    expect(body.command).toBe(
      `curl 'http://localhost:3000/api/v1/accounts/verify_credentials' -H 'accept: text/plain' -H 'authorization: Bearer abc' -b '${cookie}'`,
    );
  });

  it('signs no assertion for a command, and says what to add', async () => {
    const { body } = await curlOf({
      method: 'POST',
      path: '/oidc/token',
      client_id: 'playground-private-key-jwt',
      form: [{ name: 'grant_type', value: 'client_credentials' }],
    });
    expect(body.command).not.toContain('client_assertion=');
    expect(body.command).toMatch(
      /# playground-private-key-jwt signs a fresh client_assertion for each token request/,
    );
  });

  it('refuses what the composer refuses, with the same reason', async () => {
    expect(await curlOf({ method: 'POST', path: 'https://attacker.example/token' })).toMatchObject({
      status: 400,
      body: { error_description: expect.stringMatching(/^path: must be a path on the playground/) },
    });
  });
});
