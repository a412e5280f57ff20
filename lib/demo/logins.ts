/**
 * The demo resource owners' sign-ins, documented on purpose (it is a playground). Shared by the
 * authorization server's account store and the browser's unattended sign-in for deep links.
 */
export const DEMO_LOGINS = { alice: 'wonderland', bob: 'builder' } as const;

export type DemoLogin = keyof typeof DEMO_LOGINS;

export const isDemoLogin = (value: unknown): value is DemoLogin =>
  typeof value === 'string' && Object.hasOwn(DEMO_LOGINS, value);

/**
 * Where the browser keeps an unattended sign-in (sessionStorage, this tab only, for a few minutes):
 * set by a deep link that asks for one, read by the authorization server's sign-in, consent and device
 * pages, which then fill in and submit their own forms as a person would.
 */
export const UNATTENDED_SIGN_IN_KEY = 'playground:autopilot:sign-in';

export type UnattendedSignIn = { login: DemoLogin; until: number; returnTo?: string };
