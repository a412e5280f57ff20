import { describe, expect, it } from 'vitest';
import { json, runWalkthrough, tokenResponse } from '../walkthrough/testing';
import { walkthroughBySlug } from '..';
import { refreshToken } from './steps';

const machine = walkthroughBySlug('refresh-token')!.machine;

describe('refresh token walkthrough', () => {
  it('obtains, refreshes with rotation, and shows reuse refused and the grant revoked', async () => {
    const answers = [
      tokenResponse({ refresh_token: 'rt-1' }),
      tokenResponse({ access_token: 'at-2', refresh_token: 'rt-2' }),
      json(400, { error: 'invalid_grant', error_description: 'grant request is invalid' }),
      json(400, { error: 'invalid_grant', error_description: 'grant request is invalid' }),
    ];
    const run = runWalkthrough(machine, refreshToken, () => answers.shift()!);
    await run.next();
    await run.next();
    await run.next();
    expect(run.actor.getSnapshot().context.tokens).toMatchObject({
      access_token: 'at-2',
      refresh_token: 'rt-2',
      rotated_refresh_token: 'rt-1',
    });
    await run.next();
    const reused = await run.next();
    expect(reused.value).toBe('succeeded');
    expect(run.sent[2]!.request.form).toEqual({ grant_type: 'refresh_token', refresh_token: 'rt-1' });
    await run.next();
    await run.next();
    expect(run.sent[3]!.request.form).toEqual({ grant_type: 'refresh_token', refresh_token: 'rt-2' });
    expect((await run.next()).value).toBe('complete');
  });

  it('flags a server that accepts a reused refresh token', async () => {
    const answers = [
      tokenResponse({ refresh_token: 'rt-1' }),
      tokenResponse({ refresh_token: 'rt-2' }),
      tokenResponse(),
    ];
    const run = runWalkthrough(machine, refreshToken, () => answers.shift()!);
    for (let i = 0; i < 4; i++) await run.next();
    const flagged = await run.next();
    expect(flagged.value).toBe('failed');
    expect(flagged.context.error?.error).toBe('unexpected_success');
  });
});
