import { describe, expect, it } from 'vitest';
import { createActor, toPromise } from 'xstate';
import { defaultOutcome, sendWith } from './step-answer';
import { json, TEST_GRANT } from './testing';
import { initialContext, type SendInput } from './walkthrough-context';
import type { StepDefinition, StepOutcome } from '../../lib/walkthrough/types';

const context = initialContext(TEST_GRANT, 'http://localhost:3000', { startSeq: 0, secrets: {}, runId: 'r' });
const tokenStep = TEST_GRANT.steps[2]!;
const input = (step: StepDefinition): SendInput => ({
  action: { kind: 'send', via: 'browser', request: { method: 'POST', path: '/oidc/token' } },
  step,
  context,
});
const answerOf = (step: StepDefinition, transport: Parameters<typeof sendWith>[0]) =>
  toPromise(createActor(sendWith(transport), { input: input(step) }).start());

describe('defaultOutcome', () => {
  it('succeeds on any 2xx and fails with the error as the server sent it otherwise', () => {
    expect(defaultOutcome(json(204, ''))).toEqual({ kind: 'succeeded' });
    expect(defaultOutcome(json(400, { error: 'invalid_grant', error_description: 'no' }))).toEqual({
      kind: 'failed',
      error: { error: 'invalid_grant', error_description: 'no', status: 400 },
    });
  });
});

describe('the send actor', () => {
  it("returns the response with the step's reading of it, read once", async () => {
    const readings: number[] = [];
    const pending: StepOutcome = { kind: 'pending', error: { error: 'slow_down' }, intervalSeconds: 10 };
    const step: StepDefinition = {
      ...tokenStep,
      outcome: (_context, result) => {
        readings.push(result.status);
        return pending;
      },
    };
    const answer = await answerOf(step, async () => json(400, { error: 'slow_down' }));
    expect(answer).toEqual({ result: json(400, { error: 'slow_down' }), outcome: pending });
    expect(readings).toEqual([400]);
  });

  it('reads a step without its own reading with the default', async () => {
    const answer = await answerOf(tokenStep, async () => json(500, { error: 'server_error' }));
    expect(answer.outcome).toEqual({ kind: 'failed', error: { error: 'server_error', status: 500 } });
  });
});
