import fs from 'node:fs';

const INSTALL_HINT =
  "No Chromium found for the browser tests. Install Debian's package: sudo apt-get install -y chromium " +
  '(or set CHROMIUM_PATH to a Chromium or Chrome binary).';

/**
 * Which Chromium the browser tests drive: $CHROMIUM_PATH (or $PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH),
 * then Debian's /usr/bin/chromium, then a browser Playwright installed itself, where a user has one.
 * Answers undefined only in the last case (Playwright then finds its own).
 */
export async function resolveChromium() {
  const fromEnv = process.env.CHROMIUM_PATH || process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv))
      throw new Error(`CHROMIUM_PATH points at ${fromEnv}, which does not exist. ${INSTALL_HINT}`);
    return { executablePath: fromEnv, source: 'environment' };
  }
  if (fs.existsSync('/usr/bin/chromium')) return { executablePath: '/usr/bin/chromium', source: 'debian' };
  try {
    const { chromium } = await import('@playwright/test');
    const own = chromium.executablePath();
    if (own && fs.existsSync(own)) return { executablePath: undefined, source: 'playwright' };
  } catch {
    // fall through to the install hint
  }
  throw new Error(INSTALL_HINT);
}

/** Flags that keep Chromium quiet on a closed network (no background fetches, updates or sync). */
export const QUIET_CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-quic',
];
