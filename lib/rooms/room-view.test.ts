import { describe, expect, it } from 'vitest';
import { exchange } from '../diagram/exchanges.testing';
import { maskSecrets } from '../tokens/mask';
import {
  maskRoomView,
  ROOM_BODY_CHARS,
  ROOM_EXCHANGES,
  ROOM_VIEW_BYTES,
  roomViewBytes,
  roomViewOf,
} from './room-view';
import { instructorRun, leakedSecrets, unmaskedView } from './room-view.testing';

const header = (headers: Array<[string, string]>, name: string) =>
  headers.find(([key]) => key.toLowerCase() === name)?.[1];

describe('the view a classroom room shares of the instructor’s screen', () => {
  it('holds no code, token, secret, password, verifier or unlabelled cookie value of the run', () => {
    const view = maskRoomView(unmaskedView());
    expect(leakedSecrets(JSON.stringify(view))).toEqual([]);
    // What stays: the names, the structure the diagram and the log read, the labels.
    expect(view.exchanges).toHaveLength(instructorRun.length);
    expect(header(view.exchanges[0]!.request.headers, 'cookie')).toBe(
      '_interaction=[authorization server cookie, hidden]; other=••••',
    );
    expect(header(view.exchanges[0]!.response.headers, 'set-cookie')).toBe('tracker=••••; path=/; httponly');
    expect(view.exchanges[0]!.request.body).toBe('username=alice&password=••••');
    expect(header(view.exchanges[2]!.request.headers, 'authorization')).toBe('Basic ••••');
    expect(JSON.parse(view.exchanges[2]!.response.body!)).toEqual({
      access_token: 'ZmFrZS…',
      token_type: 'Bearer',
      refresh_token: 'cmVmcm…',
      id_token: 'eyJhbG…',
    });
    expect(view.values).toEqual({ code: 'Sxq3bW…', code_verifier: 'dBjftJ…', state: 's1' });
    expect(view.tokens).toMatchObject({ access_token: 'ZmFrZS…', token_type: 'Bearer', expires_in: 3600 });
  });

  it('masks a Location as the presenter view does, and a token in an address’s fragment too', () => {
    const view = maskRoomView(unmaskedView());
    const location = header(instructorRun[1]!.response.headers, 'location')!;
    expect(header(view.exchanges[1]!.response.headers, 'location')).toBe(maskSecrets(location));
    expect(header(view.exchanges[1]!.response.headers, 'location')).toMatch(/code=Sxq3bW…&state=s1/);
    expect(header(view.exchanges[4]!.response.headers, 'location')).toBe(
      'http://localhost:3000/callback#access_token=ZmFrZS…&token_type=Bearer',
    );
    expect(view.exchanges[3]!.request.url).toBe(
      'http://localhost:3000/oidc/session/end?id_token_hint=eyJhbG…',
    );
  });

  it('masks the step’s request so that the preview still decodes it, other values keeping their encoding', () => {
    const { request } = maskRoomView(unmaskedView());
    expect(request!.body).toBe(
      `grant_type=authorization_code&code=${encodeURIComponent('Sxq3bW…')}&code_verifier=${encodeURIComponent('dBjftJ…')}&scope=openid+profile`,
    );
    expect(request!.headers).toEqual([['Authorization', 'Basic ••••']]);
  });

  it('masking what is masked changes nothing: the server’s pass keeps what the instructor’s browser sent', () => {
    const once = maskRoomView(unmaskedView());
    expect(maskRoomView(once)).toEqual(once);
  });

  it('keeps the newest exchanges, cuts long bodies saying so, and fits the room’s message size', () => {
    const many = Array.from({ length: 30 }, (_, index) =>
      exchange(
        index + 1,
        'client',
        'resource-server',
        { method: 'GET', url: `/api/${index}` },
        {
          status: 200,
          body: 'x'.repeat(3_000),
        },
      ),
    );
    const view = roomViewOf({ events: many, values: {}, tokens: {} });
    expect(view.total).toBe(30);
    expect(view.exchanges.at(-1)!.seq).toBe(30);
    expect(view.exchanges.length).toBeLessThanOrEqual(ROOM_EXCHANGES);
    const body = view.exchanges.at(-1)!.response.body!;
    expect(body.startsWith('x'.repeat(ROOM_BODY_CHARS))).toBe(true);
    expect(body).toContain('(the room shows the first 2,000 of 3,000 characters)');
    expect(view.exchanges.at(-1)!.response.truncated).toBe(true);

    const huge = many.map((event) => ({
      ...event,
      request: {
        ...event.request,
        headers: Array.from({ length: 40 }, (_, i): [string, string] => [`x-${i}`, 'y'.repeat(600)]),
      },
    }));
    const fitted = roomViewOf({ events: huge, values: {}, tokens: {} });
    expect(roomViewBytes(fitted)).toBeLessThanOrEqual(ROOM_VIEW_BYTES);
    expect(fitted.exchanges.at(-1)!.seq).toBe(30);
    expect(fitted.exchanges.length).toBeLessThan(ROOM_EXCHANGES);
  });

  it('leaves out tokens not received yet', () => {
    expect(roomViewOf({ events: [], values: {}, tokens: { access_token: undefined } }).tokens).toEqual({});
  });
});

describe('the recorder’s labels and run ids in a room’s view', () => {
  it('keeps a label the recorder wrote, hides the run id in its header and leaves out the run', () => {
    const [event] = maskRoomView({
      ...unmaskedView(),
      exchanges: [
        {
          ...exchange(
            1,
            'client',
            'authorization-server',
            {
              method: 'POST',
              url: '/oidc/token',
              headers: [
                ['x-playground-on-behalf', '[signed by the playground, hidden]'],
                ['x-playground-run', 'WZOwMfI2HB8vgj6m'],
              ],
            },
            { status: 200 },
          ),
          run: 'WZOwMfI2HB8vgj6m',
        },
      ],
    }).exchanges;
    expect(event!.request.headers).toEqual([
      ['x-playground-on-behalf', '[signed by the playground, hidden]'],
      ['x-playground-run', 'WZOwMf…'],
    ]);
    expect(event).not.toHaveProperty('run');
  });
});
