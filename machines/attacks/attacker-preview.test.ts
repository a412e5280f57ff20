import { describe, expect, it } from 'vitest';
import { isAttackersPath } from '../../lib/attacks/party';
import type { AttackScenario } from '../../lib/attacks/types';
import type { WalkthroughContext } from '../../lib/walkthrough/types';
import { describeAction } from '../walkthrough/describe';
import { ORIGIN } from '../walkthrough/testing';
import { attackBySlug, ATTACKS } from './registry';

const midRun = (attack: AttackScenario, values: Record<string, string> = {}): WalkthroughContext => ({
  slug: attack.slug,
  origin: ORIGIN,
  stepIndex: 0,
  params: { ...attack.defaults },
  values: { code: 'alices-code', ...values },
  tokens: { access_token: 'alices-at', refresh_token: 'rt-2', rotated_refresh_token: 'rt-1' },
  polls: [],
  startSeq: 0,
  runId: 'run-test-1',
});

/** The preview of a step, as "The request" shows it before "Next step". */
function previewOf(slug: string, stepId: string, values: Record<string, string> = {}) {
  const attack = attackBySlug(slug)!;
  const step = attack.steps.find((each) => each.id === stepId)!;
  const context = midRun(attack, values);
  return describeAction(step.action(context), attack, context)!;
}

describe('an attacker’s step previews the request the attacker sends, not the lab’s call that sets it off', () => {
  for (const attack of ATTACKS)
    for (const step of attack.steps.filter((each) => each.from === 'attacker')) {
      const action = step.action(midRun(attack));
      if (action.kind !== 'send') continue;
      // The lab's attacker server sends most of them; a step the browser sends as the attacker says so.
      const sender =
        action.via === 'browser' && !action.attackerSends ? 'this browser' : 'the attacker’s server';
      it(`${attack.slug}, “${step.title}”: to the victim’s server, sent by ${sender}`, () => {
        const preview = describeAction(action, attack, midRun(attack))!;
        expect(isAttackersPath(new URL(preview.url).pathname)).toBe(false);
        expect(preview.sender).toMatch(
          sender === 'this browser'
            ? /^The attacker, played here by this browser \(back channel\)/
            : /^The attacker’s server \(back channel\)/,
        );
      });
    }

  it('the caught code’s redemption: the token endpoint, alice’s code, and no code_verifier', () => {
    const preview = previewOf('authorization-code-interception', 'attacker-redeem');
    expect(`${preview.method} ${preview.url}`).toBe(`POST ${ORIGIN}/oidc/token`);
    expect(preview.body).toBe(
      `grant_type=authorization_code&code=alices-code&redirect_uri=${encodeURIComponent(`${ORIGIN}/callback`)}&client_id=lab-app-without-pkce`,
    );
    expect(preview.sender).toBe('The attacker’s server (back channel), with no client secret');
  });

  it('the API call: the stolen token as a Bearer token, at the resource server', () => {
    const preview = previewOf('refresh-token-replay', 'attacker-api');
    expect(`${preview.method} ${preview.url}`).toBe(`GET ${ORIGIN}/api/v1/accounts/verify_credentials`);
    expect(preview.headers).toEqual([['authorization', 'Bearer <the access token it holds>']]);
    expect(preview.sender).toBe(
      'The attacker’s server (back channel), with the access token as a Bearer token, no client secret',
    );
  });

  it('the refresh token replay: the refresh token the script stole, not the one the client holds now', () => {
    const form = new URLSearchParams(previewOf('refresh-token-replay', 'replay').body);
    expect(form.get('grant_type')).toBe('refresh_token');
    expect(form.get('refresh_token')).toBe('rt-1');
  });

  it('the mix-up redemption carries the code_verifier the client handed the attacker', () => {
    const form = new URLSearchParams(
      previewOf('mix-up', 'attacker-redeem', { code_verifier: 'verifier-1' }).body,
    );
    expect(form.get('code_verifier')).toBe('verifier-1');
  });
});
