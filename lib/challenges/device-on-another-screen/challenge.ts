import { deviceAuthorizations, issuedTokens, refusedTokenRequests, userCodeEntries } from '../evidence';
import type { Challenge } from '../types';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** User codes are compared as RFC 8628 §6.1 suggests: case and punctuation do not matter. */
const normalized = (code: string) => code.replace(/[^a-z0-9]/gi, '').toUpperCase();

/**
 * The device flow as it is meant: the device shows a code, and the user approves it on another screen
 * (a phone, another browser), which the device's learner never sees (RFC 8628).
 */
export const deviceOnAnotherScreen: Challenge = {
  slug: 'device-on-another-screen',
  title: 'Sign in a TV from your phone',
  goal: 'Get tokens for a device with the device authorization grant, approving its user code from another browser or your phone, not from this one.',
  why: {
    text: 'A TV or a command-line tool has no browser, or one nobody wants to type a password into. It shows a short code; the user approves it on a device they trust, and the TV, which only polls, never sees the password.',
    rfc: { label: 'RFC 8628 §3', href: 'https://www.rfc-editor.org/rfc/rfc8628#section-3' },
  },
  tools: [
    'The device code walkthrough (this browser plays the TV)',
    'Another browser, a private window or your phone, at the verification page (its QR code)',
  ],
  hints: [
    'The walkthrough’s first step asks for a device code and a user code; the step shows the user code and a QR code.',
    'Open the verification page in another browser or a private window, or scan the QR code with your phone, and enter the code there.',
    'Sign in and allow there, then let the walkthrough poll the token endpoint until it answers with tokens.',
  ],
  showMe: { label: 'Device authorization', href: '/grants/device-code' },
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
