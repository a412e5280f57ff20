import { deviceAuthorizations, issuedTokens, refusedTokenRequests, userCodeEntries } from '../evidence';
import { challengeText } from '../text';
import type { Challenge } from '../types';
import text from './text.json';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** User codes are compared as RFC 8628 §6.1 suggests: case and punctuation do not matter. */
const normalized = (code: string) => code.replace(/[^a-z0-9]/gi, '').toUpperCase();

/**
 * The device flow as it is meant: the device shows a code, and the user approves it on another screen
 * (a phone, another browser), which the device's learner never sees (RFC 8628).
 */
export const deviceOnAnotherScreen: Challenge = {
  ...challengeText(text),
  async grade({ events }) {
    const devices = deviceAuthorizations(events);
    if (!devices.length)
      return { solved: false, missing: 'No device has asked for a device code in your trace yet.', seen: [] };
    const tokens = issuedTokens(events).filter((issued) => issued.form.get('grant_type') === DEVICE_GRANT);
    const entered = userCodeEntries(events);
    for (const device of devices.toReversed()) {
      const here = entered.find((entry) => normalized(entry.userCode) === normalized(device.userCode));
      if (here)
        return {
          solved: false,
          missing: `The code ${device.userCode} was entered in this very browser (#${here.seq}). A TV has no keyboard: approve it from another browser, a private window or your phone.`,
          seen: [device.seq, here.seq],
        };
      const connected = tokens.find(
        (token) => token.seq > device.seq && token.form.get('device_code') === device.deviceCode,
      );
      if (connected)
        return {
          solved: true,
          summary: `The device asked at #${device.seq}, its code was approved on another screen, and it got its tokens at #${connected.seq}.`,
          proof: [device.seq, connected.seq],
        };
      const pending = refusedTokenRequests(events).findLast(
        (request) => request.seq > device.seq && request.form.get('device_code') === device.deviceCode,
      );
      return {
        solved: false,
        missing: pending
          ? `The device is still waiting (#${pending.seq}: ${pending.error ?? `HTTP ${pending.status}`}): enter ${device.userCode} on your phone or in another browser, allow, and let it poll again.`
          : `The device got the code ${device.userCode} at #${device.seq}; approve it on another screen, then let the device poll for its tokens.`,
        seen: pending ? [device.seq, pending.seq] : [device.seq],
      };
    }
    return { solved: false, missing: 'No device has asked for a device code in your trace yet.', seen: [] };
  },
};
