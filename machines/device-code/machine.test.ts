import { describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { json, runWalkthrough, tokenResponse } from '../walkthrough/testing';
import { walkthroughBySlug } from '..';
import { deviceCode } from './steps';

const machine = walkthroughBySlug('device-code')!.machine;

const deviceAuthorization = json(200, {
  device_code: 'dc',
  user_code: 'WDJB-MJHT',
  verification_uri: 'http://localhost:3000/oidc/device',
  verification_uri_complete: 'http://localhost:3000/oidc/device?user_code=WDJB-MJHT',
  expires_in: 600,
  interval: 5,
});

describe('device code walkthrough', () => {
  it('gets a user code, waits for the person, then polls at the server’s interval until approval', async () => {
    const answers = [
      deviceAuthorization,
      json(400, {
        error: 'authorization_pending',
        error_description: 'authorization request is still pending',
      }),
      json(400, { error: 'slow_down', error_description: 'you are polling too quickly' }),
      tokenResponse(),
    ];
    const run = runWalkthrough(machine, deviceCode, () => answers.shift()!);
    await run.next();
    expect(run.actor.getSnapshot().context.values).toMatchObject({
      user_code: 'WDJB-MJHT',
      device_code: 'dc',
      interval: '5',
    });
    await run.next();
    expect(run.actor.getSnapshot().context.stepIndex).toBe(1);
    await run.next();
    expect(run.actor.getSnapshot().context.stepIndex).toBe(2);

    const pending = await run.next();
    expect(pending.value).toBe('waitingToPoll');
    expect(pending.context.polls.map((poll) => (poll.body as { error: string }).error)).toEqual([
      'authorization_pending',
    ]);
    run.clock.increment(5000);
    const slow = await waitFor(run.actor, (s) => s.context.polls.length === 2);
    expect(slow.context.values.interval).toBe('10');
    run.clock.increment(9999);
    expect(run.sent).toHaveLength(3);
    run.clock.increment(1);
    const done = await waitFor(run.actor, (s) => s.value === 'succeeded');
    expect(done.context.tokens.access_token).toBe('at-1');
    expect(run.sent[3]!.request.form).toEqual({
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      device_code: 'dc',
      client_id: 'playground-tv',
    });
  });

  it('stops polling when the user denies (access_denied)', async () => {
    const answers = [
      deviceAuthorization,
      json(400, { error: 'access_denied', error_description: 'End-User aborted interaction' }),
    ];
    const run = runWalkthrough(machine, deviceCode, () => answers.shift()!);
    await run.next();
    await run.next();
    await run.next();
    const denied = await run.next();
    expect(denied.value).toBe('failed');
    expect(denied.context.error?.error).toBe('access_denied');
  });

  it('offers verification_uri_complete from the response as a QR code at the user’s step', async () => {
    const run = runWalkthrough(machine, deviceCode, () => deviceAuthorization);
    await run.next();
    await run.next();
    const { context } = run.actor.getSnapshot();
    expect(deviceCode.steps[context.stepIndex]!.action(context)).toMatchObject({
      kind: 'visit',
      url: 'http://localhost:3000/oidc/device',
      qr: 'http://localhost:3000/oidc/device?user_code=WDJB-MJHT',
    });
  });
});
