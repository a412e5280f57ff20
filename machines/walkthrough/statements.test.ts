import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRANTS } from '../registry';
import type { GrantDefinition } from '../../lib/walkthrough/types';
import { signInOf } from '../../lib/grants/sign-in';
import { contextFor, contradictions, pairSteps, type Recording } from './statements';

// Recorded from real runs against the production build by e2e/support/record-exchanges.mjs.
const recordingOf = (slug: string): Recording =>
  JSON.parse(
    fs.readFileSync(path.join(import.meta.dirname, '..', slug, 'recorded-exchanges.json'), 'utf8'),
  ) as Recording;

describe('step texts say only what the recorded exchanges show (a step claims nothing the wire does not carry)', () => {
  for (const grant of GRANTS) {
    describe(grant.name, () => {
      const recording = recordingOf(grant.slug);

      it('every step that sends a request has its exchange in the recorded run', () => {
        const sending = grant.steps.filter((step, index) => {
          const kind = step.action(contextFor(grant, recording.origin, index)).kind;
          return kind === 'send' || kind === 'navigate';
        });
        expect(pairSteps(grant, recording)).toHaveLength(sending.length);
      });

      it('no step’s text or request preview contradicts its exchange: sender, secret, scheme, channel, host', () => {
        expect(contradictions(grant, recording)).toEqual([]);
      });

      it('says a user signs in only when the run shows the browser at the authorization server', () => {
        const browserVisited = recording.events.some((event) => event.from === 'resource-owner');
        expect(signInOf(grant).kind === 'authorization-server').toBe(browserVisited);
      });
    });
  }
});

describe('the statement checks can fail', () => {
  const grant = GRANTS.find((each) => each.slug === 'client-credentials')!;
  const recording = recordingOf(grant.slug);
  const withText = (id: string, explanation: string): GrantDefinition => ({
    ...grant,
    steps: grant.steps.map((step) => (step.id === id ? { ...step, explanation } : step)),
  });

  it('flags a Bearer call described as adding the client secret', () => {
    expect(
      contradictions(withText('verify-app', 'The backend, which adds the client secret.'), recording),
    ).toEqual([expect.stringContaining('verify-app: “The backend, which adds the client secret.”')]);
  });

  it('flags a call from the server described as sent from the browser', () => {
    expect(
      contradictions(withText('token-request', 'The app calls it from the browser.'), recording),
    ).toEqual([expect.stringContaining('token-request: “The app calls it from the browser.”')]);
  });

  it('flags a host the exchange did not go to', () => {
    expect(contradictions(withText('verify-app', 'It goes to 127.0.0.1:4800.'), recording)).toEqual([
      expect.stringContaining('is not what the exchange shows'),
    ]);
  });

  it('flags an exchange recorded at another origin than the rest of the run', () => {
    const moved: Recording = {
      ...recording,
      events: recording.events.map((event) => ({
        ...event,
        request: {
          ...event.request,
          url: event.request.url.replace(new URL(recording.origin).host, '127.0.0.1:1'),
        },
      })),
    };
    expect(contradictions(grant, moved).join('\n')).toContain('not the public origin');
  });

  it('flags an exchange whose Host header names another host than its URL', () => {
    const loopback: Recording = {
      ...recording,
      events: recording.events.map((event) => ({
        ...event,
        request: {
          ...event.request,
          headers: [['host', '127.0.0.1:1'] as [string, string], ...event.request.headers],
        },
      })),
    };
    expect(contradictions(grant, loopback).join('\n')).toContain('with Host 127.0.0.1:1');
  });

  it('flags a step whose channel or sender differs from its exchange', () => {
    const claimed: GrantDefinition = {
      ...grant,
      steps: grant.steps.map((step) => (step.id === 'token-request' ? { ...step, channel: 'front' } : step)),
    };
    expect(contradictions(claimed, recording)).toContain(
      'client-credentials/token-request: says front channel, sent on back',
    );
  });
});
