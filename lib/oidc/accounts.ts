import { timingSafeEqual } from 'node:crypto';
import type { Account, AccountClaims, FindAccount } from 'oidc-provider';
import { DEMO_LOGINS } from '../demo/logins';

/**
 * The playground's demo resource owners. Their passwords are documented on purpose: this is a
 * learning sandbox, and every learner signs in as one of them.
 */
type DemoAccount = { password: string; claims: Omit<AccountClaims, 'sub'> };

const ACCOUNTS: Record<string, DemoAccount> = {
  alice: {
    password: DEMO_LOGINS.alice,
    claims: {
      name: 'Alice Liddell',
      given_name: 'Alice',
      family_name: 'Liddell',
      preferred_username: 'alice',
      website: 'https://en.wikipedia.org/wiki/Alice_Liddell',
      email: 'alice@example.com',
      email_verified: true,
      locale: 'en-GB',
      zoneinfo: 'Europe/London',
      updated_at: 1_700_000_000,
    },
  },
  bob: {
    password: DEMO_LOGINS.bob,
    claims: {
      name: 'Bob the Builder',
      given_name: 'Bob',
      family_name: 'Builder',
      preferred_username: 'bob',
      email: 'bob@example.com',
      email_verified: false,
      locale: 'en-GB',
      zoneinfo: 'Europe/London',
      updated_at: 1_700_000_000,
    },
  },
};

export const DEMO_ACCOUNT_IDS = Object.keys(ACCOUNTS);

/** For the home page and docs: the demo sign-ins, password included on purpose. */
export const demoAccountCredentials = () =>
  Object.entries(ACCOUNTS).map(([username, account]) => ({
    username,
    password: account.password,
    name: String(account.claims.name),
    email: String(account.claims.email),
  }));

export function accountProfile(accountId: string): Omit<AccountClaims, 'sub'> | undefined {
  return ACCOUNTS[accountId]?.claims;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Checks a username and password; answers the account id, or undefined for any mismatch. */
export function authenticate(username: string, password: string): string | undefined {
  const accountId = username.trim().toLowerCase();
  const account = ACCOUNTS[accountId];
  if (!account) return undefined;
  return sameSecret(password, account.password) ? accountId : undefined;
}

/** oidc-provider's `findAccount`: claims are filtered by scope and claims requests by the provider. */
export const findAccount: FindAccount = (_ctx, sub): Account | undefined => {
  const account = ACCOUNTS[sub];
  if (!account) return undefined;
  return { accountId: sub, claims: () => ({ sub, ...account.claims }) };
};
