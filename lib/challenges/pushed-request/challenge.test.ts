import { describe, expect, it } from 'vitest';
import { authorizationVisit, evidenceOf, pushedRequest, tokenRequest } from '../testing';
import { pushedRequest as challenge } from './challenge';

const URI = 'urn:ietf:params:oauth:request_uri:abc';
const push = pushedRequest(2, URI);
const visit = authorizationVisit(3, { client_id: 'playground-par', request_uri: URI });
const back = authorizationVisit(7, {}, 'code-1');
const redeem = tokenRequest(
  9,
  { grant_type: 'authorization_code', code: 'code-1', code_verifier: 'v' },
  200,
  {
    access_token: 'at',
  },
);

describe('pushed-request: graded from the trace', () => {
  it('is solved by a push, the browser opening it by reference, and its code redeemed', async () => {
    expect(await challenge.grade(evidenceOf([push, visit, back, redeem]))).toMatchObject({
      solved: true,
      proof: [2, 3, 7, 9],
    });
  });

  it('is not solved by a classic authorization request, even beside a push', async () => {
    const classic = authorizationVisit(3, {
      client_id: 'playground-web',
      scope: 'openid',
      redirect_uri: 'x',
    });
    expect(await challenge.grade(evidenceOf([push, classic, back, redeem]))).toMatchObject({
      solved: false,
      missing: expect.stringContaining('no browser opened /oidc/auth with its request_uri'),
    });
  });

  it('is not solved when the browser carried parameters besides the reference', async () => {
    const leaky = authorizationVisit(3, { client_id: 'playground-par', request_uri: URI, scope: 'openid' });
    expect(await challenge.grade(evidenceOf([push, leaky, back, redeem]))).toMatchObject({
      solved: false,
      missing: expect.stringContaining('also carried scope'),
    });
  });

  it('is not solved by a code that did not come back from that request, nor before redeeming', async () => {
    const otherCode = tokenRequest(
      9,
      { grant_type: 'authorization_code', code: 'code-from-elsewhere' },
      200,
      {},
    );
    expect((await challenge.grade(evidenceOf([push, visit, back, otherCode]))).solved).toBe(false);
    expect(await challenge.grade(evidenceOf([push, visit, back]))).toMatchObject({
      solved: false,
      missing: expect.stringContaining('redeem the code it brings'),
    });
    expect(await challenge.grade(evidenceOf([visit, back, redeem]))).toMatchObject({
      missing: expect.stringContaining('No authorization request has been pushed'),
    });
  });
});
