import { describe, expect, it } from 'vitest';
import { initialContext } from '@/machines/walkthrough/create-walkthrough-machine';
import { grantBySlug } from '@/machines/registry';
import type { WalkthroughContext } from '@/lib/walkthrough/types';
import { stepFacts } from './step-facts';

const ORIGIN = 'http://localhost:3000';
const start = {
  startSeq: 0,
  secrets: { state: 's', nonce: 'n', code_verifier: 'v', code_challenge: 'c' },
  runId: 'r',
};

function at(slug: string, stepIndex: number, change: Partial<WalkthroughContext> = {}) {
  const grant = grantBySlug(slug)!;
  const context = { ...initialContext(grant, ORIGIN, start), stepIndex, ...change };
  return { grant, context, action: grant.steps[stepIndex]!.action(context) };
}

describe('what the step card says beyond the exchange', () => {
  it('warns before an authorization request without state, and not with one', () => {
    const withState = at('authorization-code', 0);
    expect(
      stepFacts(withState.grant, withState.context, withState.action, false).stateAdvice,
    ).toBeUndefined();
    const without = at('authorization-code', 0);
    without.context.params = { ...without.context.params, state: '' };
    const action = without.grant.steps[0]!.action(without.context);
    expect(stepFacts(without.grant, without.context, action, false).stateAdvice).toContain('RFC 9700 §4.7');
  });

  it('holds the code on the callback step and the token request, which redeems it', () => {
    const callback = at('authorization-code', 1, { values: { code: 'abc' } });
    expect(stepFacts(callback.grant, callback.context, callback.action, false)).toMatchObject({
      code: 'abc',
      redeemsCode: false,
    });
    const token = at('authorization-code', 2, { values: { code: 'abc' } });
    expect(stepFacts(token.grant, token.context, token.action, false)).toMatchObject({
      code: 'abc',
      redeemsCode: true,
    });
  });

  it('compares the scope asked for in the token request with the answered scope', () => {
    const { grant, context, action } = at('client-credentials', 0, {
      lastResult: { status: 200, headers: {}, body: { access_token: 'opaque', token_type: 'Bearer' } },
    });
    context.params = { ...context.params, scope: 'admin' };
    const facts = stepFacts(grant, context, grant.steps[0]!.action(context), true);
    expect(facts.scopeGrant).toMatchObject({ asked: 'admin', granted: undefined });
    expect(stepFacts(grant, context, action, false).scopeGrant).toBeUndefined();
  });
});
