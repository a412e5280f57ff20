import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Diagram } from './pages/diagram';
import { WalkthroughPage } from './pages/walkthrough-page';

const TITLES: Record<string, string> = {
  'resource-owner': 'Resource Owner',
  client: 'Client',
  'authorization-server': 'Authorization Server',
  'resource-server': 'Resource Server',
};

/** The authorization-code walkthrough until the code is back at the client (`token`: one step more). */
async function codeReturned(page: Page, { token = false } = {}) {
  const walkthrough = new WalkthroughPage(page);
  await walkthrough.goto('authorization-code');
  await walkthrough.next();
  await page.getByLabel('Username').fill('alice');
  await page.getByLabel('Password').fill('wonderland');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Allow' }).click();
  await page.waitForURL(/\/grants\//);
  // The steps after the return read the callback, then exchange the code: step until the token request.
  for (let step = 0; token && step < 4; step++) {
    if ((await walkthrough.logLines()).some((line) => line.startsWith('POST /oidc/token 200'))) break;
    await walkthrough.next();
  }
  return walkthrough;
}

/** The smallest rendered font size (CSS px after every transform) of the visible text in `scope`. */
async function smallestText(scope: Locator) {
  return scope.evaluate((root) => {
    let smallest = { size: Infinity, text: '' };
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      const text = node.textContent?.trim();
      // React Flow's attribution link is the library's credit, not diagram text.
      if (!element || !text || element.closest('.react-flow__attribution, title')) continue;
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1 || getComputedStyle(element).visibility === 'hidden') continue;
      // The scale of every transform from the element up (React Flow's viewport zooms), or an SVG's viewBox.
      let scale = 1;
      for (let at: Element | null = element; at; at = at.parentElement) {
        const transform = getComputedStyle(at).transform;
        if (transform && transform !== 'none') scale *= new DOMMatrix(transform).a;
      }
      const svg = element instanceof SVGElement ? element.ownerSVGElement : null;
      if (svg?.viewBox.baseVal?.width) scale *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const size = parseFloat(getComputedStyle(element).fontSize) * scale;
      if (size < smallest.size) smallest = { size, text };
    }
    return smallest;
  });
}

async function expectTextAtLeast(scope: Locator, px: number) {
  const smallest = await smallestText(scope);
  expect(
    smallest.size,
    `"${smallest.text}" renders at ${smallest.size.toFixed(1)} px`,
  ).toBeGreaterThanOrEqual(px);
}

test('each hop is its own arrow with an arrowhead, pointing the way it went, numbered in order', async ({
  page,
}) => {
  const walkthrough = await codeReturned(page, { token: true });
  const diagram = new Diagram(page);
  const exchanges = await walkthrough.httpLog.locator('li').count();
  await expect(diagram.messages).toHaveCount(exchanges);
  const hops = await diagram.hops.count();
  await expect(diagram.arrows).toHaveCount(hops);

  await test.step('numbered in order, every exchange of the log once', async () => {
    const names = await diagram.hops.evaluateAll((chips) =>
      chips.map((chip) => chip.getAttribute('aria-label')!),
    );
    const numbers = names.map((name) => /^Message (\d+)([a-z]?):/.exec(name)!.slice(1));
    const order = numbers.map(([n, letter]) => Number(n) * 100 + (letter ? letter.charCodeAt(0) - 96 : 0));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect([...new Set(numbers.map(([n]) => Number(n)))]).toEqual(
      Array.from({ length: exchanges }, (_, i) => i + 1),
    );
  });

  await test.step('every arrow has an arrowhead and runs from its sender to its receiver', async () => {
    const arrows = await diagram.arrows.evaluateAll((paths) =>
      paths.map((path) => {
        const line = path as SVGPathElement;
        const matrix = line.getScreenCTM()!;
        const at = (length: number) => {
          const point = line.getPointAtLength(length);
          return { x: point.x * matrix.a + matrix.e, y: point.y * matrix.d + matrix.f };
        };
        return {
          hop: line.dataset.hop!,
          from: line.dataset.from!,
          to: line.dataset.to!,
          marker: line.getAttribute('marker-end'),
          start: at(0),
          end: at(line.getTotalLength()),
        };
      }),
    );
    const centres: Record<string, { x: number; y: number }> = {};
    for (const [role, title] of Object.entries(TITLES)) {
      const box = (await diagram.role(title).boundingBox())!;
      centres[role] = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }
    const distance = (a: { x: number; y: number }, b: { x: number; y: number }) =>
      Math.hypot(a.x - b.x, a.y - b.y);
    for (const arrow of arrows) {
      expect(arrow.marker, `hop ${arrow.hop}`).toMatch(/^url\(/);
      expect(distance(arrow.end, centres[arrow.to]!), `hop ${arrow.hop} ends at ${arrow.to}`).toBeLessThan(
        distance(arrow.start, centres[arrow.to]!),
      );
      expect(
        distance(arrow.start, centres[arrow.from]!),
        `hop ${arrow.hop} starts at ${arrow.from}`,
      ).toBeLessThan(distance(arrow.end, centres[arrow.from]!));
    }
    // Arrows between the same two roles do not lie on top of each other.
    const starts = arrows.map((arrow) => `${Math.round(arrow.start.x)},${Math.round(arrow.start.y)}`);
    expect(new Set(starts).size).toBe(starts.length);
  });
});

test('the code goes back to the client as the browser carries it: authorization server → browser → client', async ({
  page,
}) => {
  await codeReturned(page);
  const diagram = new Diagram(page);
  const redirect = diagram.region.getByRole('button', {
    name: /^Message \d+a: 303 to \/callback\?code=…, carries 303 to \/callback\?code=…, Authorization Server to Resource Owner, front channel$/,
  });
  const arrival = diagram.region.getByRole('button', {
    name: /^Message \d+b: GET \/callback\?code=…, carries code \+ .* in the address, Resource Owner to Client, front channel$/,
  });
  await expect(redirect).toHaveCount(1);
  await expect(arrival).toHaveCount(1);
  const hop = (await arrival.getAttribute('data-hop'))!;
  await expect(diagram.arrows.and(page.locator(`[data-hop="${hop}"]`))).toHaveAttribute('data-to', 'client');
  await expect(diagram.arrows.and(page.locator(`[data-hop="${hop}"]`))).toHaveAttribute(
    'data-from',
    'resource-owner',
  );
  // The newest hop is the code arriving at the client: it says what it carries and travels.
  await expect(arrival).toHaveAttribute('data-current', 'true');
  await expect(arrival.getByText(/^code \+ .* in the address$/)).toBeVisible();
  await expect(page.getByTestId('travelling-message')).toHaveCount(1);
});

test('the newest arrow says what it carries; the others say it on hover or focus', async ({ page }) => {
  await codeReturned(page, { token: true });
  const diagram = new Diagram(page);
  await expect(diagram.current).toHaveCount(1);
  const currentName = (await diagram.current.getAttribute('aria-label'))!;
  const carries = /, carries (.*), [A-Z][a-z]+ [A-Za-z ]*to [A-Z]/.exec(currentName)![1]!;
  await expect(diagram.current.getByText(carries, { exact: true })).toBeVisible();
  // The step's own message (the token request), not the JWKS fetched after it, which is drawn subdued.
  await expect(diagram.current).toHaveAttribute('aria-label', /^Message \d+: POST \/oidc\/token → 200/);
  const currentHop = (await diagram.current.getAttribute('data-hop'))!;
  await expect(diagram.region.locator(`path[data-hop="${currentHop}"]`)).toHaveAttribute(
    'data-current',
    'true',
  );
  await expect(diagram.arrows.last()).toHaveAttribute('data-supporting', 'jwks');
  await expect(diagram.region.locator('path[data-current]')).toHaveCount(1);

  // An older hop keeps its number only, and says what it carries while hovered or focused.
  const login = diagram.region.getByRole('button', {
    name: /^Message \d+: POST \/interaction\/.*\/login → 303/,
  });
  const loginCarries = login.getByText(/^username \+ password\b.*; back: 303 to \/oidc\/auth\//);
  await expect(loginCarries).toBeHidden();
  await login.hover();
  await expect(loginCarries).toBeVisible();
  const first = diagram.message(1);
  const firstCarries = first.getByText(/^code_challenge \+ response_type/);
  await expect(firstCarries).toBeHidden();
  await first.focus();
  await expect(firstCarries).toBeVisible();
});

test('the sequence view fits all four lanes in the width at 1280 px, without scrolling sideways', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await codeReturned(page, { token: true });
  const diagram = new Diagram(page);
  const hops = await diagram.hops.count();
  await diagram.region.getByRole('button', { name: 'Show sequence view' }).click();
  await expect(diagram.sequence.locator('g[data-hop]')).toHaveCount(hops);
  const overflow = await diagram.sequence.evaluate((box) => ({
    box: box.scrollWidth - box.clientWidth,
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
  expect(overflow).toEqual({ box: 0, page: 0 });
  const box = (await diagram.sequence.boundingBox())!;
  for (const title of ['Resource', 'Client', 'Authorization', 'Resource Server'.split(' ')[1]!]) {
    const lane = (await diagram.sequence.locator('text', { hasText: title }).first().boundingBox())!;
    expect(lane.x).toBeGreaterThanOrEqual(box.x);
    expect(lane.x + lane.width).toBeLessThanOrEqual(box.x + box.width);
  }
  await expectTextAtLeast(diagram.sequence, 12);
});

test('diagram text is at least 14 px at 1440×900 and 12 px on a 390 px phone, in both views', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await codeReturned(page, { token: true });
  const diagram = new Diagram(page);
  await expect(diagram.role('Client')).toContainText('an access token');
  await expectTextAtLeast(diagram.graph, 14);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(diagram.role('Client')).toBeVisible();
  await expectTextAtLeast(diagram.graph, 12);
  for (const title of Object.values(TITLES)) {
    const role = (await diagram.role(title).boundingBox())!;
    const graph = (await diagram.graph.boundingBox())!;
    expect(role.x, `${title} within the graph`).toBeGreaterThanOrEqual(graph.x);
    expect(role.x + role.width, `${title} within the graph`).toBeLessThanOrEqual(graph.x + graph.width);
    expect(role.y + role.height, `${title} within the graph`).toBeLessThanOrEqual(graph.y + graph.height);
  }
  await diagram.region.getByRole('button', { name: 'Show sequence view' }).click();
  await expectTextAtLeast(diagram.sequence, 12);
  expect(await diagram.sequence.evaluate((box) => box.scrollWidth - box.clientWidth)).toBe(0);
});

test('on /compare each run’s graph keeps its text at 14 px or more at 1440 px', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/compare');
  const graphs = page.getByTestId('flow-graph');
  await expect(graphs).toHaveCount(2);
  for (const graph of await graphs.all()) {
    await expect(graph.getByRole('group', { name: 'Client', exact: true })).toBeVisible();
    await expectTextAtLeast(graph, 14);
  }
});

test('in presenter view the diagram draws no text under 24 px', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const walkthrough = new WalkthroughPage(page);
  await page.goto('/grants/client-credentials?present=1');
  await walkthrough.next();
  const diagram = new Diagram(page);
  await expect(diagram.messages).toHaveCount(1);
  await expectTextAtLeast(diagram.graph, 24);
  await diagram.region.getByRole('button', { name: 'Show sequence view' }).click();
  await expectTextAtLeast(diagram.sequence, 24);
});
