import { describe, expect, it } from 'vitest';
import type { StepDefinition } from '../../lib/walkthrough/types';
import { parseCallback } from './callback';
import { missedRefusal } from './refusal';
import { contextFor } from './statements';
import { GRANTS } from '../registry';

const grant = GRANTS.find((each) => each.slug === 'pushed-authorization-request')!;
const step = grant.steps.find((each) => each.id === 'classic-request')!;
const context = { ...contextFor(grant, 'http://localhost:3000', 7), params: { state: 'sent-state' } };
const iss = encodeURIComponent('http://localhost:3000/oidc');
const missed = (query: string, refusing: StepDefinition = step) =>
  missedRefusal(refusing, context, parseCallback(`http://localhost:3000/callback?${query}`));

describe('a front-channel step whose lesson is a refusal', () => {
  it('takes the expected error from this issuer, with the state the client sent or none', () => {
    expect(missed(`error=invalid_request&state=sent-state&iss=${iss}`)).toBeUndefined();
    expect(missed(`error=invalid_request&iss=${iss}`)).toBeUndefined();
  });

  it('stops on a response that is not the refusal: a code, another error', () => {
    expect(missed(`code=c&state=sent-state&iss=${iss}`)).toEqual({
      error: 'unexpected_success',
      error_description:
        'The authorization server accepted a request that was not pushed from a client that must push.',
    });
    expect(missed(`error=access_denied&error_description=no&state=sent-state&iss=${iss}`)).toEqual({
      error: 'access_denied',
      error_description: 'no',
    });
  });

  it('refuses a refusal from another issuer or with another state, as any callback', () => {
    expect(missed('error=invalid_request&iss=https%3A%2F%2Fevil.example')?.error).toBe('issuer_mismatch');
    expect(missed(`error=invalid_request&state=forged&iss=${iss}`)?.error).toBe('state_mismatch');
  });

  it('leaves a step without a refusal to the usual callback checks', () => {
    const ordinary = grant.steps.find((each) => each.id === 'authorization-request')!;
    expect(missed('code=c', ordinary)).toBeUndefined();
  });
});
