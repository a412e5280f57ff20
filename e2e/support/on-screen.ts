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

/**
 * How much of the element's box the learner can see, from 0 to 1: inside the viewport and inside every
 * ancestor that clips it (a pane that scrolls on its own), which `onScreen` does not look at.
 */
export async function inView(locator: Locator): Promise<number> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return 0;
    let left = Math.max(box.left, 0);
    let top = Math.max(box.top, 0);
    let right = Math.min(box.right, window.innerWidth);
    let bottom = Math.min(box.bottom, window.innerHeight);
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const { overflowX, overflowY } = getComputedStyle(parent);
      if (overflowX === 'visible' && overflowY === 'visible') continue;
      const clip = parent.getBoundingClientRect();
      left = Math.max(left, clip.left);
      top = Math.max(top, clip.top);
      right = Math.min(right, clip.right);
      bottom = Math.min(bottom, clip.bottom);
    }
    return (Math.max(0, right - left) * Math.max(0, bottom - top)) / (box.width * box.height);
  });
}
