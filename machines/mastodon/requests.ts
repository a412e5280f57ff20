import { parseVersion } from '../../lib/mastodon-client/answers';
import type { RequestSpec, WalkthroughContext } from '../../lib/walkthrough/types';
import { rfcSection } from '../../lib/walkthrough/rfc';

/** What every step of the Mastodon flow shares: names, references, and how its requests are made. */
export const CLIENT_NAME = 'OAuth2 Playground';
export const MASTODON_CALLBACK_PATH = '/mastodon/callback';
export const OOB_REDIRECT_URI = 'urn:ietf:wg:oauth:2.0:oob';

export const MASTODON_RFC = {
  metadata: rfcSection(8414, '3'),
  instance: { label: 'Mastodon: instance', href: 'https://docs.joinmastodon.org/methods/instance/' },
  apps: { label: 'Mastodon: apps', href: 'https://docs.joinmastodon.org/methods/apps/#create' },
  verify: {
    label: 'Mastodon: verify_credentials',
    href: 'https://docs.joinmastodon.org/methods/accounts/#verify_credentials',
  },
  statuses: { label: 'Mastodon: statuses', href: 'https://docs.joinmastodon.org/methods/statuses/#create' },
  revocation: rfcSection(7009, '2'),
} as const;

/** Mastodon 4.3 brought the metadata document, PKCE and the `profile` scope together. */
function isModern(values: Record<string, string>): boolean {
  if (values.metadata === 'yes') return true;
  const version = parseVersion(values.version);
  return version !== undefined && (version[0] > 4 || (version[0] === 4 && version[1] >= 3));
}

/** profile is enough to read one's own account on 4.3+; before it, read:accounts. */
export const scopesFor = (values: Record<string, string>) =>
  isModern(values) && values.profile_scope !== 'no'
    ? 'profile write:statuses'
    : 'read:accounts write:statuses';

/** An endpoint from the instance's metadata, or Mastodon's well-known path on the instance. */
export const endpoint = (values: Record<string, string>, name: string, fallback: string) =>
  values[name] || `${values.instance}${fallback}`;

export const bearer = ({ tokens }: WalkthroughContext) => ({
  authorization: `Bearer ${tokens.access_token ?? ''}`,
});

/** A metadata list, as an array or a space-separated string. */
export const strings = (value: unknown) =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];

/** Every request goes from the learner's browser straight to the instance. */
export const send = (request: RequestSpec) => ({ kind: 'send', via: 'browser', request }) as const;
