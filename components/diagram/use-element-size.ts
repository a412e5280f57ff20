'use client';

import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The rendered size of an element, kept current as its box changes: the diagram lays itself out for
 * the box the page gives it (a column, a compare half, a phone, the presenter's screen) instead of
 * shrinking a fixed drawing until its text is unreadable.
 */
export function useElementSize<T extends HTMLElement>(fallback: { width: number; height: number }) {
  const ref = useRef<T>(null);
  const [size, setSize] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      // The box inside its borders and scroll bars: what a drawing can fill without scrolling.
      const [width, height] = [element.clientWidth, element.clientHeight];
      setSize((current) =>
        Math.round(current.width) === Math.round(width) && Math.round(current.height) === Math.round(height)
          ? current
          : { width, height },
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, size] as const;
}
