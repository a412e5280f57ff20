import { describe, expect, it } from 'vitest';
import { bodyText, composedBody, fetchComposedCurl, sendComposed, type Composed } from './compose-request';

const composed: Composed = {
  method: 'POST',
  path: ' /oidc/token ',
  clientId: 'playground-service',
  headers: [{ key: 1, name: '', value: '' }],
  form: [
    { key: 1, name: 'grant_type', value: 'client_credentials' },
    { key: 2, name: '', value: '' },
    { key: 3, name: '', value: 'no name' },
  ],
};

const answering = (status: number, body: unknown): typeof fetch =>
  (async () => Response.json(body, { status })) as typeof fetch;

describe('request composer in the browser', () => {
  it('sends what the learner wrote, leaving out rows not filled in at all', () => {
    expect(JSON.parse(composedBody(composed))).toEqual({
      method: 'POST',
      path: '/oidc/token',
      client_id: 'playground-service',
      headers: [],
      // A value without a name is sent, for the server to say what is wrong with it.
      form: [
        { name: 'grant_type', value: 'client_credentials' },
        { name: '', value: 'no name' },
      ],
    });
    expect(JSON.parse(composedBody({ ...composed, clientId: '' }))).not.toHaveProperty('client_id');
  });

  it('shows the endpoint’s answer, an error status included, as the endpoint gave it', async () => {
    const refusedByEndpoint = { status: 401, headers: {}, body: { error: 'invalid_client' }, added: [] };
    expect(await sendComposed(composed, answering(200, refusedByEndpoint))).toEqual({
      kind: 'answered',
      answer: refusedByEndpoint,
    });
  });

  it('says why the playground would not send it, in the server’s words', async () => {
    const refusal = { error: 'invalid_request', error_description: 'path: must be a path on the playground' };
    expect(await sendComposed(composed, answering(400, refusal))).toEqual({
      kind: 'refused',
      message: 'path: must be a path on the playground',
    });
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    expect((await sendComposed(composed, down)).kind).toBe('refused');
  });

  it('indents a JSON body and leaves text as it came', () => {
    expect(bodyText({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(bodyText('plain')).toBe('plain');
  });
});

describe('request composer: copy as curl', () => {
  it('copies the command the server writes, and throws the server’s reason when it will not', async () => {
    expect(await fetchComposedCurl(composed, answering(200, { command: "curl 'x'" }))).toBe("curl 'x'");
    await expect(
      fetchComposedCurl(
        composed,
        answering(400, { error: 'invalid_request', error_description: 'path: no' }),
      ),
    ).rejects.toThrow('path: no');
  });
});
