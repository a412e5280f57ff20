import type { Locator } from '@playwright/test';

/** How much of the element's box is inside the viewport, from 0 to 1. */
export async function onScreen(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  const viewport = locator.page().viewportSize()!;
  if (!box || box.width === 0 || box.height === 0) return 0;
  const width = Math.min(box.x + box.width, viewport.width) - Math.max(box.x, 0);
  const height = Math.min(box.y + box.height, viewport.height) - Math.max(box.y, 0);
  return (Math.max(0, width) * Math.max(0, height)) / (box.width * box.height);
}
