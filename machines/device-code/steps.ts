import { userinfoStep } from '../walkthrough/api-steps';
import { PARAMS, RFC, tokenOutcome } from '../walkthrough/common-steps';
import { tokenRequest } from '../walkthrough/builders/token-request';
import type { RegisteredGrant } from '../../lib/grants/catalogue';
import type { ExchangeResult, StepOutcome } from '../../lib/walkthrough/types';
import { DEVICE_CODE_GRANT, tvApp } from './client';
import { errorResponseOf, jsonMembers } from '../../lib/walkthrough/response-bodies';

const CLIENT_ID = tvApp.client_id;

/** RFC 8628 §3.5: authorization_pending and slow_down mean "ask again later", not failure. */
function pollOutcome(result: ExchangeResult, interval: number): StepOutcome {
  const body = errorResponseOf(result.body);
  if (result.status === 400 && body.error === 'authorization_pending') {
    return {
      kind: 'pending',
      error: { error: body.error, error_description: body.error_description },
      intervalSeconds: interval,
    };
  }
  if (result.status === 400 && body.error === 'slow_down') {
    return {
      kind: 'pending',
      error: { error: body.error, error_description: body.error_description },
      intervalSeconds: interval + 5,
    };
  }
  return tokenOutcome(result);
}

/** RFC 8628: a device without a browser shows a code; the user approves on another device. */
export const deviceCode: RegisteredGrant = {
  slug: 'device-code',
  name: 'Device authorization',
  clientId: CLIENT_ID,
  clientType: tvApp.type,
  clients: [tvApp],
  summary:
    'A TV or console cannot show a sign-in page. It asks for a device code and a short user code, shows the code, and polls the token endpoint while the user approves on their phone or laptop.',
  catalogue: {
    rfc: 'RFC 8628',
    status: 'special-purpose',
    useWhen: 'TVs and consoles without a browser or keyboard.',
  },
  defaults: { scope: 'openid profile offline_access' },
  secrets: async () => ({}),
  steps: [
    {
      id: 'device-authorization',
      title: 'The device asks for a device code and a user code',
      explanation:
        'The TV app (a public client, played here by your browser) calls the device authorization endpoint. It receives a device_code to poll with, a user_code for the person, and where to enter it.',
      rfc: RFC.deviceAuthorization,
      from: 'client',
      to: 'authorization-server',
      channel: 'back',
      params: [PARAMS.scope],
      action: ({ params }) => ({
        kind: 'send',
        via: 'browser',
        request: {
          method: 'POST',
          path: '/oidc/device/auth',
          form: { client_id: CLIENT_ID, scope: params.scope ?? '' },
        },
      }),
      outcome: (_context, result) => {
        if (result.status !== 200) return tokenOutcome(result);
        const body = jsonMembers(result.body);
        return {
          kind: 'succeeded',
          values: {
            device_code: String(body.device_code),
            user_code: String(body.user_code),
            verification_uri: String(body.verification_uri),
            verification_uri_complete: String(body.verification_uri_complete ?? body.verification_uri),
            interval: String(body.interval ?? 5),
            expires_in: String(body.expires_in),
          },
        };
      },
    },
    {
      id: 'user-interaction',
      title: 'The user enters the code on another device',
      explanation:
        'The TV shows the user code and the verification address. Open it in a new tab, as if on your phone: enter the code, sign in and allow. Then come back and press Next step to start polling.',
      forFollowers:
        'The TV shows the user code and the verification address. The instructor opens the address on a second screen, as if on a phone, enters the code, signs in and allows; then the TV starts polling.',
      rfc: RFC.userInteraction,
      from: 'resource-owner',
      to: 'authorization-server',
      channel: 'front',
      action: ({ values }) => ({
        kind: 'visit',
        url: values.verification_uri ?? '',
        linkText: 'Open the verification page (new tab)',
        show: { label: 'The TV shows:', name: 'User code', value: values.user_code ?? '' },
        ...(values.verification_uri_complete ? { qr: values.verification_uri_complete } : {}),
      }),
    },
    {
      id: 'poll',
      title: 'The device polls the token endpoint',
      explanation:
        'Every interval seconds the device asks whether the user has approved. authorization_pending means “not yet”; slow_down means “wait 5 more seconds each time”. Approval ends the polling with tokens.',
      rfc: RFC.devicePolling,
      from: 'client',
      to: 'authorization-server',
      channel: 'back',
      action: ({ values }) =>
        tokenRequest(
          { grant_type: DEVICE_CODE_GRANT, device_code: values.device_code ?? '', client_id: CLIENT_ID },
          { via: 'browser' },
        ),
      outcome: (context, result) => pollOutcome(result, Number(context.values.interval ?? 5)),
    },
    userinfoStep('browser'),
  ],
};
