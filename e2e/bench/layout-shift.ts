import { chromium } from '@playwright/test';
import { QUIET_CHROMIUM_ARGS, resolveChromium } from '../support/chromium.mjs';

import { nextBin, requireProductionBuild, startServer } from './process';

/**
 * `npm run bench:layout-shift`: the cumulative layout shift (CLS) of the home, a grant and an attack
 * page of the production build while they load, at 1440x900 and 390x844: the sum of the `layout-shift`
 * entries without recent input a PerformanceObserver sees until the page has settled (the diagram drawn,
 * the trace stream open). Good is under 0.1. It prints figures; it asserts nothing.
 */
const PAGES = ['/', '/grants/authorization-code-pkce', '/attacks/authorization-code-interception'];
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];
const RUNS = 3;
requireProductionBuild();
const server = await startServer([process.execPath, nextBin, 'start']);
const { origin } = server;
const { executablePath } = await resolveChromium();
const browser = await chromium.launch({ executablePath, args: QUIET_CHROMIUM_ARGS });
try {
  for (const viewport of VIEWPORTS)
    for (const pagePath of PAGES) {
      const scores: number[] = [];
      const culprits = new Set<string>();
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext({ viewport });
        const page = await context.newPage();
        // Observes from the first byte: buffered entries include the shifts before the script ran.
        await page.addInitScript(() => {
          const shifts: { value: number; sources: string[] }[] = [];
          const seen = window as unknown as { __shifts: typeof shifts; __lastShift: number };
          seen.__shifts = shifts;
          seen.__lastShift = 0;
          new PerformanceObserver((list) => {
            seen.__lastShift = performance.now();
            for (const entry of list.getEntries() as unknown as {
              value: number;
              hadRecentInput: boolean;
              sources?: { node?: Node }[];
            }[])
              if (!entry.hadRecentInput)
                shifts.push({
                  value: entry.value,
                  sources: (entry.sources ?? []).map(({ node }) =>
                    node instanceof Element
                      ? `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}.${[...node.classList].slice(0, 3).join('.')}`
                      : String(node?.nodeName),
                  ),
                });
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(`${origin}${pagePath}`, { waitUntil: 'networkidle' }).catch(() => undefined);
        // Settled: the grant pages' diagram is drawn (React Flow loads after the page).
        if (pagePath !== '/')
          await page
            .getByTestId('flow-graph')
            .first()
            .waitFor({ timeout: 15_000 })
            .catch(() => undefined);
        // Settled: a second has passed since the last shift (or since the page started), by the page's clock.
        await page.waitForFunction(
          () =>
            performance.now() - (window as unknown as { __lastShift: number }).__lastShift > 1000 &&
            performance.now() > 1000,
        );
        const shifts = await page.evaluate(
          () => (window as unknown as { __shifts: { value: number; sources: string[] }[] }).__shifts,
        );
        scores.push(shifts.reduce((sum, { value }) => sum + value, 0));
        for (const shift of shifts) if (shift.value > 0.01) shift.sources.forEach((s) => culprits.add(s));
        await context.close();
      }
      console.log(
        `${viewport.width}x${viewport.height} ${pagePath}: CLS ${Math.max(...scores).toFixed(3)} (worst of ${RUNS}; ${scores.map((s) => s.toFixed(3)).join(', ')})${culprits.size ? ` moved: ${[...culprits].join(', ')}` : ''}`,
      );
    }
} finally {
  await browser.close();
  server.stop();
}
