'use client';

import { useEffect, useRef } from 'react';

/** The walkthrough's keys, for instructors driving it in class (shown by the `?` overlay). */
export const SHORTCUTS: Array<{ keys: string; action: string }> = [
  { keys: '→ or Space', action: 'Next step' },
  { keys: '←', action: 'Back' },
  { keys: 'R', action: 'Restart' },
  { keys: 'D', action: 'Switch between the graph and the sequence view' },
  { keys: 'P', action: 'Presenter view: large type, secrets masked' },
  { keys: 'A', action: 'Auto-play: play or pause, at the chosen pace' },
  { keys: '?', action: 'Show or hide this list' },
];

export type ShortcutHandlers = {
  next(): void;
  back(): void;
  restart(): void;
  toggleDiagram(): void;
  toggleHelp(): void;
  togglePresenter(): void;
  toggleAutoplay(): void;
};

const KEY_ACTIONS = new Map<string, keyof ShortcutHandlers>([
  ['ArrowRight', 'next'],
  ['ArrowLeft', 'back'],
  ['r', 'restart'],
  ['R', 'restart'],
  ['d', 'toggleDiagram'],
  ['D', 'toggleDiagram'],
  ['p', 'togglePresenter'],
  ['P', 'togglePresenter'],
  ['a', 'toggleAutoplay'],
  ['A', 'toggleAutoplay'],
  ['?', 'toggleHelp'],
]);

/** Never while typing: a field, a select or an editable element keeps its keys. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useShortcuts(handlers: ShortcutHandlers, enabled: boolean) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target))
        return;
      // Space on a focused button or link is that control's own activation.
      const onControl =
        event.target instanceof HTMLElement && ['BUTTON', 'A', 'SUMMARY'].includes(event.target.tagName);
      const name = event.key === ' ' ? (onControl ? undefined : 'next') : KEY_ACTIONS.get(event.key);
      const action = name && latest.current[name];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
