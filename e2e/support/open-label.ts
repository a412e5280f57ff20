import { expect, type Page } from '@playwright/test';

type Box = { x: number; y: number; width: number; height: number };

const apart = (a: Box, b: Box) =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

/** How far apart two boxes are (0 when they touch or overlap), in CSS pixels. */
const distance = (a: Box, b: Box) =>
  Math.hypot(
    Math.max(0, b.x - (a.x + a.width), a.x - (b.x + b.width)),
    Math.max(0, b.y - (a.y + a.height), a.y - (b.y + b.height)),
  );

/**
 * Where the highlighted arrow's open label sits on the graph: how far it is from its own number (which
 * sits on the arrow), and the parties whose title (a node's first line) it covers.
 */
export async function openLabelPlacement(page: Page) {
  const diagram = page.getByRole('region', { name: 'Diagram' });
  const current = diagram.locator('button[data-current]');
  const chip = (await current.locator('> span').first().boundingBox())!;
  const label = (await current.locator('> span').last().boundingBox())!;
  const covered: string[] = [];
  for (const node of await diagram.locator('.react-flow__node [role="group"]').all()) {
    const title = await node.locator('strong').first().boundingBox();
    if (title && !apart(label, title)) covered.push((await node.getAttribute('aria-label')) ?? '?');
  }
  return { fromItsNumber: distance(chip, label), covers: covered };
}

/**
 * The highlighted arrow's open label touches its number (across the few pixels between them: 4 flow
 * units, 7 px on the projector) and covers no node's title.
 */
export async function expectLabelBesideItsArrow(page: Page) {
  const { fromItsNumber, covers } = await openLabelPlacement(page);
  expect(covers, 'the open label covers these titles').toEqual([]);
  expect(fromItsNumber, 'the open label is away from its arrow’s number').toBeLessThanOrEqual(8);
}
