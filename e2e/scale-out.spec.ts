import { expect, test } from '@playwright/test';
import { freePort, startRedisServer, type RedisServer } from '../lib/testing/redis-server';
import { createRoom, openRoomEvents, step, type RoomEvent } from './support/room-events';
import { postForm, startPlayground, type Playground } from './support/server';
import { passwordTokenAt, registerAppAt } from './support/mastodon';

const FIRST_PARTY = { id: 'playground-first-party', secret: 'playground-first-party-secret' };

let redis: RedisServer;
let first: Playground;
let second: Playground;

// The servers this file starts serve all its tests: they run in one worker, in order.
test.describe.configure({ mode: 'default' });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  redis = await startRedisServer();
  const [portA, portB] = [await freePort(), await freePort()];
  // Two instances behind one public origin, as behind a load balancer: same issuer, shared Redis.
  const publicOrigin = `http://localhost:${portA}`;
  first = await startPlayground({ port: portA, publicOrigin, env: { REDIS_URL: redis.url } });
  second = await startPlayground({ port: portB, publicOrigin, env: { REDIS_URL: redis.url } });
});

test.afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  await redis?.stop();
});

test('two instances on one Redis share clients, tokens and signing keys', async () => {
  const [jwksA, jwksB] = await Promise.all([
    fetch(`${first.origin}/oidc/jwks`).then((r) => r.json()),
    fetch(`${second.origin}/oidc/jwks`).then((r) => r.json()),
  ]);
  expect(jwksA).toEqual(jwksB);

  const registration = await fetch(`${first.origin}/oidc/reg`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_name: 'Shared',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    }),
  });
  const registered = (await registration.json()) as { client_id: string; client_secret: string };
  const onSecond = await postForm(
    `${second.origin}/oidc/token`,
    { grant_type: 'client_credentials' },
    {
      id: registered.client_id,
      secret: registered.client_secret,
    },
  );
  expect(onSecond.status).toBe(200);

  const issued = (await (
    await postForm(
      `${first.origin}/oidc/token`,
      { grant_type: 'password', username: 'bob', password: 'builder', scope: 'openid offline_access' },
      FIRST_PARTY,
    )
  ).json()) as { refresh_token: string; access_token: string };
  const refreshed = await postForm(
    `${second.origin}/oidc/token`,
    { grant_type: 'refresh_token', refresh_token: issued.refresh_token },
    FIRST_PARTY,
  );
  expect(refreshed.status).toBe(200);

  const userinfo = await fetch(`${second.origin}/oidc/me`, {
    headers: { authorization: `Bearer ${issued.access_token}` },
  });
  expect(userinfo.status).toBe(200);
  expect(await userinfo.json()).toMatchObject({ sub: 'bob' });
});

test('a Mastodon app registered on one instance posts through the other, and both read the status', async () => {
  const app = await registerAppAt(first.origin, { client_name: 'Shared app' });
  const token = { access_token: await passwordTokenAt(second.origin, app) };
  const posted = await fetch(`${second.origin}/api/v1/statuses`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'Shared through Redis', visibility: 'public' }),
  });
  expect(posted.status).toBe(200);
  const { id } = (await posted.json()) as { id: string };
  const onFirst = await fetch(`${first.origin}/api/v1/statuses/${id}`);
  expect(await onFirst.json()).toMatchObject({
    id,
    content: '<p>Shared through Redis</p>',
    application: { name: 'Shared app' },
  });
});

test('a classroom room spans instances: a student on one hears the instructor on the other', async () => {
  const room = await createRoom(first.origin);
  const heard: RoomEvent[] = [];
  const student = await openRoomEvents(`${second.origin}/api/rooms/${room.code}/events`, (event) =>
    heard.push(event),
  );
  const instructorHeard: RoomEvent[] = [];
  const instructorStream = `${first.origin}/api/rooms/${room.code}/events?role=instructor`;
  const instructor = await openRoomEvents(instructorStream, (event) => instructorHeard.push(event), {
    authorization: `Bearer ${room.key}`,
  });
  // Without the room's key, no one may listen as the instructor (and so hide from the count).
  const anonymous = await openRoomEvents(instructorStream, () => {});
  anonymous.close();
  try {
    expect(anonymous.status).toBe(401);
    expect(instructor.status).toBe(200);
    expect(student.status).toBe(200);
    // The instructor's instance counts the student connected to the other instance.
    await expect
      .poll(() =>
        instructorHeard.some(
          (e) => e.event === 'presence' && (e.data as { students: number }).students === 1,
        ),
      )
      .toBe(true);
    for (const stepIndex of [0, 1, 2])
      expect((await step(first.origin, room, 'refresh-token', stepIndex)).status).toBe(200);
    await expect.poll(() => heard.filter((e) => e.event === 'step').length).toBe(3);
    expect(heard.filter((e) => e.event === 'step').map((e) => e.data)).toMatchObject([
      { slug: 'refresh-token', stepIndex: 0, seq: 1 },
      { slug: 'refresh-token', stepIndex: 1, seq: 2 },
      { slug: 'refresh-token', stepIndex: 2, seq: 3 },
    ]);
    // Ending the room on the second instance reaches the student there too.
    const closed = await fetch(`${second.origin}/api/rooms/${room.code}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${room.key}` },
    });
    expect(closed.status).toBe(204);
    await expect.poll(() => heard.some((e) => e.event === 'closed')).toBe(true);
  } finally {
    student.close();
    instructor.close();
  }
});

test('limits and learner ids span instances: failures on one count on the other', async () => {
  const guess = (instance: Playground, attempt: number) =>
    postForm(
      `${instance.origin}/oidc/token`,
      { grant_type: 'password', username: 'scale-out-guesser', password: `guess-${attempt}` },
      FIRST_PARTY,
    ).then((response) => response.json());
  for (let attempt = 1; attempt <= 5; attempt++) await guess(attempt % 2 ? first : second, attempt);
  expect(await guess(second, 6)).toMatchObject({
    error: 'invalid_grant',
    error_description: expect.stringMatching(/Too many failed sign-ins/),
  });

  // A learner id issued by one instance is a learner on the other: one key, kept in Redis.
  const home = await fetch(`${first.origin}/`);
  const learnerCookie = home.headers.getSetCookie()[0]!.split(';')[0]!;
  const trace = await fetch(`${second.origin}/api/trace`, { headers: { cookie: learnerCookie } });
  expect(trace.status).toBe(200);
});
