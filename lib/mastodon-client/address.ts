/**
 * What a learner types for their instance (`mastodon.social`, `https://host`, `https://host/@user`,
 * `@user@host`) as an origin, with `new URL()`. https only, except localhost and 127.0.0.1 (how the
 * tests run a second playground as the instance).
 */
export type InstanceAddress = { ok: true; origin: string; host: string } | { ok: false; error: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The hosts where plain http is allowed: a test server on this machine, never the network. */
export const isLoopbackHost = (hostname: string) => LOOPBACK.has(hostname);

const refuse = (error: string): InstanceAddress => ({ ok: false, error });

export function parseInstanceAddress(input: string): InstanceAddress {
  let text = input.trim();
  if (!text) return refuse('Enter the address of a Mastodon instance, such as mastodon.social.');
  // A handle: @user@host or user@host.
  const handle = /^@?[^@\s/:]+@([^@\s/]+)$/.exec(text);
  if (handle) text = handle[1]!;
  // No scheme: https, except on loopback, where a local test server speaks plain http.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text))
    text = `${/^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i.test(text) ? 'http' : 'https'}://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse(`“${input.trim()}” is not an address. Try the instance's domain, such as mastodon.social.`);
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    return refuse(
      `Only https:// addresses are allowed (http:// only for localhost and 127.0.0.1): OAuth over plain HTTP would expose your code and token.`,
    );
  if (url.username || url.password) return refuse('The address must not contain a user name or password.');
  if (!loopback && !url.hostname.includes('.'))
    return refuse(`“${url.hostname}” is not a full domain name. Try something like mastodon.social.`);
  return { ok: true, origin: url.origin, host: url.host };
}
