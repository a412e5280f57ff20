import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { walkthroughBySlug } from '..';
import type { AutopilotPlan } from './autopilot';
import { autopilotMachine, type AutopilotInput, type Visit } from './autopilot-machine';
import { createWalkthroughMachine } from './create-walkthrough-machine';
import { json, ORIGIN, runWalkthrough, TEST_GRANT, tokenResponse } from './testing';
import type { ExchangeResult, GrantDefinition } from '../../lib/walkthrough/types';

/** The autopilot over a walkthrough, with the page's storage and visit recorded. */
function pilot(input: AutopilotInput) {
  const kept: (AutopilotPlan | undefined)[] = [];
  const visits: Visit[] = [];
  const forgotten: string[] = [];
  const actor = createActor(
    autopilotMachine.provide({
      actions: {
        keepPlan: (_args, plan: AutopilotPlan | undefined) => void kept.push(plan),
        forgetPlan: ({ context }) => void forgotten.push(context.notice),
        visit: (_args, visit: Visit) => void visits.push(visit),
      },
    }),
    { input },
  ).start();
  const ended = () => waitFor(actor, (snapshot) => snapshot.matches('idle'));
  return { actor, kept, visits, forgotten, ended };
}

const deviceGrant = () => {
  const { grant, machine } = walkthroughBySlug('device-code')!;
  const run = runWalkthrough(machine, grant, (action) =>
    action.request.path === '/oidc/device/auth'
      ? json(200, {
          device_code: 'dc',
          user_code: 'ABCD-EFGH',
          verification_uri: `${ORIGIN}/oidc/device`,
          interval: 5,
          expires_in: 600,
        })
      : tokenResponse(),
  );
  return { grant, run };
};

const testGrant = (answer: ExchangeResult, grant: GrantDefinition = TEST_GRANT) => {
  const run = runWalkthrough(createWalkthroughMachine(grant), grant, () => answer);
  const callback = () =>
    run.actor.send({ type: 'CALLBACK', url: `${ORIGIN}/callback?code=c-1&state=state-123` });
  return { run, callback };
};

describe('the autopilot', () => {
  it('replays a deep link: visits the person step unattended, then lands on the asked step after the return', async () => {
    const { grant, run } = deviceGrant();
    const target = grant.steps.findIndex((step) => step.id === 'poll') + 1;
    const before = pilot({ walkthrough: run.actor, grant, plan: { target, login: 'alice' } });
    expect(before.actor.getSnapshot().context.notice).toBe(
      `Replaying steps 1 to ${target} for real to reach step ${target + 1}…`,
    );
    await waitFor(before.actor, (snapshot) => snapshot.matches({ running: 'visiting' }));
    expect(before.visits).toEqual([{ url: `${ORIGIN}/oidc/device`, login: 'alice', runId: 'run-test-1' }]);
    const kept = before.kept.at(-1);
    expect(kept).toEqual({ target, login: 'alice', passed: 1 });
    before.actor.stop();

    // Back from the verification page: the page starts the autopilot again with the plan it kept.
    const after = pilot({ walkthrough: run.actor, grant, plan: kept });
    const landed = await after.ended();
    expect(landed.context.notice).toBe(
      `Landed on step ${target + 1}: the steps before it ran for real, with fresh requests and tokens.`,
    );
    expect(after.forgotten).toHaveLength(1);
    expect(run.actor.getSnapshot().context).toMatchObject({
      stepIndex: target,
      tokens: { access_token: 'at-1' },
    });
    expect(run.sent.map((action) => action.request.path)).toEqual(['/oidc/device/auth', '/oidc/token']);
  });

  it('goes on from where the walkthrough is when it starts: back from the authorization server', async () => {
    const { run, callback } = testGrant(tokenResponse());
    await run.next();
    const kept: AutopilotPlan = { paceMs: 1, passed: 0 };
    const autopilot = createActor(
      autopilotMachine.provide({ actions: { keepPlan: () => {}, forgetPlan: () => {}, visit: () => {} } }),
      { input: { walkthrough: run.actor, grant: TEST_GRANT, plan: kept } },
    );
    // The page hands the walkthrough its callback before the autopilot it made has started.
    callback();
    autopilot.start();
    const finished = await waitFor(autopilot, (snapshot) => snapshot.matches('idle'));
    expect(finished.context.notice).toBe('Auto-play finished: the flow is complete.');
  });

  it('plays at its pace from where Play was pressed, waits out the trip, and finishes with the flow', async () => {
    const { run, callback } = testGrant(tokenResponse());
    const autopilot = pilot({ walkthrough: run.actor, grant: TEST_GRANT });
    expect(autopilot.actor.getSnapshot().matches('idle')).toBe(true);
    autopilot.actor.send({ type: 'PLAY', paceMs: 1 });
    expect(autopilot.actor.getSnapshot().context.notice).toBe(
      'Playing, one step every 0.001 s. It pauses where a person must act.',
    );
    expect(autopilot.kept).toEqual([{ paceMs: 1, passed: 0 }]);
    await waitFor(run.actor, (snapshot) => snapshot.matches('redirecting'));
    expect(run.navigations).toHaveLength(1);
    callback();
    const finished = await autopilot.ended();
    expect(finished.context.notice).toBe('Auto-play finished: the flow is complete.');
    expect(finished.context.plan).toBeUndefined();
    expect(run.actor.getSnapshot().hasTag('complete')).toBe(true);
  });

  it('stops at a failed step, in the words the page gives for it', async () => {
    const { run, callback } = testGrant(json(400, { error: 'invalid_grant' }));
    const autopilot = pilot({
      walkthrough: run.actor,
      grant: TEST_GRANT,
      stoppedNotice: (context, stepNumber) => `Blocked at step ${stepNumber}: ${context.error?.error}`,
    });
    autopilot.actor.send({ type: 'PLAY', paceMs: 1 });
    await waitFor(run.actor, (snapshot) => snapshot.matches('redirecting'));
    callback();
    expect((await autopilot.ended()).context.notice).toBe('Blocked at step 3: invalid_grant');
    expect(autopilot.forgotten).toEqual(['Blocked at step 3: invalid_grant']);
  });

  it('pauses where a person must enter the code, and says so', async () => {
    const { grant, run } = deviceGrant();
    const autopilot = pilot({ walkthrough: run.actor, grant });
    autopilot.actor.send({ type: 'PLAY', paceMs: 1 });
    expect((await autopilot.ended()).context.notice).toBe(
      'Paused at step 2: a person must enter the code on the verification page. Press Play (or Next step) once it is approved.',
    );
    expect(run.actor.getSnapshot().context.stepIndex).toBe(1);
    expect(autopilot.visits).toEqual([]);
  });

  it('takes a new pace at once, keeps it, and pauses when told', async () => {
    const { run } = testGrant(tokenResponse());
    const autopilot = pilot({ walkthrough: run.actor, grant: TEST_GRANT });
    autopilot.actor.send({ type: 'PLAY', paceMs: 60_000 });
    await waitFor(autopilot.actor, (snapshot) => snapshot.matches({ running: 'pacing' }));
    // A parameter edited while the pace runs is no move of the walkthrough: the wait goes on.
    run.actor.send({ type: 'SET_PARAM', name: 'scope', value: 'openid email' });
    expect(autopilot.actor.getSnapshot().matches({ running: 'pacing' })).toBe(true);
    autopilot.actor.send({ type: 'SET_PACE', paceMs: 1 });
    expect(autopilot.kept.at(-1)).toEqual({ paceMs: 1, passed: 0 });
    await waitFor(run.actor, (snapshot) => snapshot.matches('redirecting'));
    autopilot.actor.send({ type: 'STOP' });
    expect(autopilot.actor.getSnapshot().context).toMatchObject({
      plan: undefined,
      notice: 'Auto-play paused.',
    });
    expect(autopilot.forgotten).toEqual(['Auto-play paused.']);
    // Paused, a new pace changes nothing.
    autopilot.actor.send({ type: 'SET_PACE', paceMs: 2000 });
    expect(autopilot.actor.getSnapshot().matches('idle')).toBe(true);
  });
});
