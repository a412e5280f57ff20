import type { Locator, Page } from '@playwright/test';

export type RenderedText = { text: string; size: number };

/**
 * The size each visible text run is drawn at: its computed font size times the scale of the
 * transforms above it (the diagram is zoomed). Text a person cannot see is left out: hidden, clipped
 * to nothing (screen-reader-only), scrolled out of its pane, or (with `onScreen`) off the screen.
 */
function scan(roots: Element[], onScreen: boolean): RenderedText[] {
  const found: RenderedText[] = [];
  const seen = (rect: DOMRect, element: Element) => {
    let { left, top, right, bottom } = rect;
    if (onScreen) {
      [left, top] = [Math.max(left, 0), Math.max(top, 0)];
      [right, bottom] = [Math.min(right, innerWidth), Math.min(bottom, innerHeight)];
    }
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (style.overflowX === 'visible' && style.overflowY === 'visible' && style.clip === 'auto') continue;
      const clip = parent.getBoundingClientRect();
      [left, top] = [Math.max(left, clip.left), Math.max(top, clip.top)];
      [right, bottom] = [Math.min(right, clip.right), Math.min(bottom, clip.bottom)];
    }
    return right - left > 2 && bottom - top > 2;
  };
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const element = node.parentElement;
      if (!text || !element?.checkVisibility({ checkOpacity: true, visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      if (![...range.getClientRects()].some((rect) => seen(rect, element))) continue;
      let scale = 1;
      for (let parent: Element | null = element; parent; parent = parent.parentElement) {
        const { transform } = getComputedStyle(parent);
        if (transform && transform !== 'none') scale *= new DOMMatrix(transform).a;
      }
      found.push({ text: text.slice(0, 60), size: parseFloat(getComputedStyle(element).fontSize) * scale });
    }
  }
  return found;
}

/** Every visible text run inside the located elements, with the size it is drawn at. */
export function renderedTextSizes(scope: Locator): Promise<RenderedText[]> {
  return scope.evaluateAll(scan, false);
}

/** Every text run on the screen as it stands (no scrolling), with the size it is drawn at. */
export function textOnScreen(page: Page): Promise<RenderedText[]> {
  return page.locator('body').evaluateAll(scan, true);
}
