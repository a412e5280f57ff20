import { describe, expect, it } from 'vitest';
import { deviceAuthorization, evidenceOf, tokenRequest, userCodeEntry } from '../testing';
import { deviceOnAnotherScreen } from './challenge';

const GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const asked = deviceAuthorization(1, 'device-1', 'WDJB-MJHT');
const poll = (seq: number, status: number, body: Record<string, unknown>, deviceCode = 'device-1') =>
  tokenRequest(seq, { grant_type: GRANT, device_code: deviceCode, client_id: 'playground-tv' }, status, body);

describe('device-on-another-screen: graded from the device’s trace', () => {
  it('is solved by tokens for the device whose code was entered elsewhere', async () => {
    const verdict = await deviceOnAnotherScreen.grade(
      evidenceOf([
        asked,
        poll(2, 400, { error: 'authorization_pending' }),
        poll(5, 200, { access_token: 'a' }),
      ]),
    );
    expect(verdict).toMatchObject({ solved: true, proof: [1, 5] });
  });

  it('is not solved when the code was entered in the same browser, however it was typed', async () => {
    const verdict = await deviceOnAnotherScreen.grade(
      evidenceOf([asked, userCodeEntry(3, 'wdjbmjht'), poll(5, 200, { access_token: 'a' })]),
    );
    expect(verdict).toMatchObject({
      solved: false,
      missing: expect.stringContaining('entered in this very browser (#3)'),
      seen: [1, 3],
    });
  });

  it('is not solved while the device waits, nor by tokens for another device code', async () => {
    expect(
      await deviceOnAnotherScreen.grade(
        evidenceOf([asked, poll(2, 400, { error: 'authorization_pending' })]),
      ),
    ).toMatchObject({
      solved: false,
      missing: expect.stringContaining('still waiting (#2: authorization_pending)'),
    });
    const other = poll(5, 200, { access_token: 'a' }, 'device-of-someone-else');
    expect((await deviceOnAnotherScreen.grade(evidenceOf([asked, other]))).solved).toBe(false);
  });

  it('says what is missing before any device code', async () => {
    expect(await deviceOnAnotherScreen.grade(evidenceOf([]))).toMatchObject({
      missing: 'No device has asked for a device code in your trace yet.',
    });
  });
});
