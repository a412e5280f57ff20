import { describe, expect, it } from 'vitest';
import { walkthroughBySlug } from '..';
import { nextMove, parseStepParam, viewOf, type AutopilotPlan, type AutopilotView } from './autopilot';
import { json, runWalkthrough, tokenResponse } from './testing';

const view = (overrides: Partial<AutopilotView>): AutopilotView => ({
  phase: 'ready',
  stepIndex: 0,
  action: 'send',
  ...overrides,
});

describe('nextMove', () => {
  it('replays a deep link without delay and lands on the asked step, ready to send', () => {
    const plan: AutopilotPlan = { target: 2, paceMs: 5000 };
    expect(nextMove(plan, view({ stepIndex: 0 }))).toEqual({ kind: 'next', delayMs: 0 });
    expect(nextMove(plan, view({ stepIndex: 1, phase: 'answered' }))).toEqual({ kind: 'next', delayMs: 0 });
    expect(nextMove(plan, view({ stepIndex: 2 }))).toEqual({ kind: 'landed' });
  });

  it('plays at its pace and waits while a request or a redirect is under way', () => {
    expect(nextMove({ paceMs: 1500 }, view({}))).toEqual({ kind: 'next', delayMs: 1500 });
    expect(nextMove({ paceMs: 1500 }, view({ phase: 'answered' }))).toEqual({ kind: 'next', delayMs: 1500 });
    expect(nextMove({ paceMs: 1500 }, view({ phase: 'busy' }))).toEqual({ kind: 'wait' });
  });

  it('pauses where a person must enter the device code, unless a demo account acts or it was passed', () => {
    const device = view({ stepIndex: 1, action: 'visit' });
    expect(nextMove({ paceMs: 1000 }, device)).toEqual({ kind: 'pause' });
    expect(nextMove({ target: 3 }, device)).toEqual({ kind: 'pause' });
    expect(nextMove({ target: 3, login: 'alice' }, device)).toEqual({ kind: 'visit' });
    expect(nextMove({ target: 3, login: 'alice', passed: 1 }, device)).toEqual({ kind: 'next', delayMs: 0 });
    expect(nextMove({ paceMs: 1000, passed: 1 }, device)).toEqual({ kind: 'next', delayMs: 1000 });
  });

  it('stops on an error and finishes at the end', () => {
    expect(nextMove({ paceMs: 1000 }, view({ phase: 'failed' }))).toEqual({ kind: 'stopped' });
    expect(nextMove({ target: 4 }, view({ phase: 'failed' }))).toEqual({ kind: 'stopped' });
    expect(nextMove({ paceMs: 1000 }, view({ phase: 'complete' }))).toEqual({ kind: 'finished' });
  });
});

describe('parseStepParam', () => {
  it('reads 1-based steps within the walkthrough', () => {
    expect(parseStepParam(null, 5)).toEqual({});
    expect(parseStepParam('1', 5)).toEqual({ target: 0 });
    expect(parseStepParam('5', 5)).toEqual({ target: 4 });
  });

  it('explains a step that does not exist', () => {
    for (const bad of ['0', '6', '2.5', 'four', ''])
      expect(parseStepParam(bad, 5).error).toMatch(/has steps 1 to 5/);
  });
});

describe('the autopilot driving a real walkthrough machine', () => {
  it('replays the device flow to its token step: asks for the codes, passes the person step, polls', async () => {
    const { grant, machine } = walkthroughBySlug('device-code')!;
    const run = runWalkthrough(machine, grant, (action) =>
      action.request.path === '/oidc/device/auth'
        ? json(200, {
            device_code: 'dc',
            user_code: 'ABCD-EFGH',
            verification_uri: 'http://localhost:3000/oidc/device',
            interval: 5,
            expires_in: 600,
          })
        : tokenResponse(),
    );
    const target = grant.steps.findIndex((step) => step.id === 'poll') + 1;
    expect(target).toBeGreaterThan(2);
    const plan: AutopilotPlan = { target, login: 'alice' };
    const moves: string[] = [];
    for (let guard = 0; guard < 20; guard += 1) {
      const move = nextMove(plan, viewOf(run.actor.getSnapshot(), grant));
      moves.push(move.kind);
      if (move.kind === 'landed') break;
      if (move.kind === 'visit') plan.passed = run.actor.getSnapshot().context.stepIndex;
      else if (move.kind === 'next') await run.next();
      else throw new Error(`unexpected move ${move.kind}`);
    }
    expect(moves).toEqual(['next', 'next', 'visit', 'next', 'next', 'next', 'landed']);
    expect(run.actor.getSnapshot().context.tokens.access_token).toBe('at-1');
    expect(run.sent.map((action) => action.request.path)).toEqual(['/oidc/device/auth', '/oidc/token']);
  });
});
