import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { installTestLearnerKey } from '../testing/learner-key';
import { LEARNER_COOKIE, newLearnerId, signLearnerId } from '../trace/learner';
import { attackerForm, learnerAndForm } from './learner-and-form';

const key = installTestLearnerKey();
const learnerId = newLearnerId();
const schema = z.object({
  code: z.string().min(1, 'code is missing'),
  client_id: z.string().regex(/^lab-/, 'client_id must be a lab client'),
});

const post = (body: string, cookie?: string) =>
  new Request('http://localhost:3000/api/attacker/loot', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(cookie ? { cookie } : {}),
    },
    body,
  });
const asLearner = (body: string) => post(body, `${LEARNER_COOKIE}=${signLearnerId(learnerId, key)}`);

describe('an attacker endpoint’s learner and form', () => {
  it('answers the learner and the form as its schema reads it', async () => {
    expect(await learnerAndForm(asLearner('code=abc&client_id=lab-x&extra=1'), schema)).toEqual({
      learnerId,
      form: { code: 'abc', client_id: 'lab-x' },
    });
  });

  it('refuses a request without a learner with 401 no_learner, before reading its body', async () => {
    const request = post('code=abc&client_id=lab-x');
    const refusal = await learnerAndForm(request, schema);
    if (!(refusal instanceof Response)) throw new Error('expected a refusal');
    expect(refusal.status).toBe(401);
    expect(await refusal.json()).toMatchObject({ error: 'no_learner' });
    expect(request.bodyUsed).toBe(false);
  });

  it('refuses a learner’s form that fails the schema with 400 invalid_request naming every problem', async () => {
    const refusal = await learnerAndForm(asLearner('client_id=evil'), schema);
    if (!(refusal instanceof Response)) throw new Error('expected a refusal');
    expect(refusal.status).toBe(400);
    expect(refusal.headers.get('cache-control')).toBe('no-store');
    expect(await refusal.json()).toEqual({
      error: 'invalid_request',
      error_description: 'Invalid input: expected string, received undefined; client_id must be a lab client',
    });
  });
});

describe('an attacker endpoint’s form alone', () => {
  it('reads a form without asking for a learner', async () => {
    expect(await attackerForm(post('code=c&client_id=lab-y'), schema)).toEqual({
      code: 'c',
      client_id: 'lab-y',
    });
  });

  it('refuses a body that is not a form with 400, not 500', async () => {
    const refusal = await attackerForm(post('{"code":"c","client_id":"lab-y"}'), schema);
    if (!(refusal instanceof Response)) throw new Error('expected a refusal');
    expect(refusal.status).toBe(400);
    expect(await refusal.json()).toMatchObject({ error: 'invalid_request' });
  });
});
