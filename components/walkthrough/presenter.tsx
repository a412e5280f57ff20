'use client';

import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { maskSecrets, maskValue, shorten } from '@/lib/tokens/mask';
import { isTyping } from './use-shortcuts';

/**
 * Presenter view, for projecting in class: large type, high contrast, chrome hidden, the diagram large,
 * and secrets masked until the presenter reveals them. On with `?present=1` or the P key; the URL
 * keeps it, so a presenter link can be shared.
 */
type Presenter = {
  presenting: boolean;
  revealed: boolean;
  toggle(): void;
  setRevealed(revealed: boolean): void;
};

const PresenterContext = createContext<Presenter>({
  presenting: false,
  revealed: false,
  toggle() {},
  setRevealed() {},
});

export function PresenterProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [presenting, setPresenting] = useState(
    () => enabled && new URLSearchParams(window.location.search).get('present') === '1',
  );
  const [revealed, setRevealed] = useState(false);
  useEffect(() => {
    // The authorization server's sign-in and consent pages read this cookie to enlarge themselves.
    const on = enabled && presenting;
    document.cookie = `${PRESENT_COOKIE}=${on ? '1' : ''}; path=/; SameSite=Lax; max-age=${on ? 3600 : 0}`;
    if (!enabled) return;
    if (presenting) document.documentElement.dataset.present = '1';
    else delete document.documentElement.dataset.present;
    const url = new URL(window.location.href);
    if (presenting) url.searchParams.set('present', '1');
    else url.searchParams.delete('present');
    window.history.replaceState(window.history.state, '', url);
    return () => {
      delete document.documentElement.dataset.present;
    };
  }, [enabled, presenting]);
  const toggle = useCallback(() => setPresenting((current) => !current), []);
  return (
    <PresenterContext.Provider value={{ presenting, revealed, toggle, setRevealed }}>
      {presenting ? (
        <div
          role="toolbar"
          aria-label="Presenter view"
          className="flex flex-wrap items-center gap-3 rounded-lg bg-slate-900 px-4 py-1.5 text-white"
        >
          <strong>Presenter view</strong>
          <button
            type="button"
            aria-pressed={revealed}
            onClick={() => setRevealed(!revealed)}
            className="rounded bg-white px-3 py-1 font-semibold text-slate-900"
          >
            {revealed ? 'Hide secrets' : 'Reveal secrets'}
          </button>
          <button
            type="button"
            onClick={toggle}
            className="rounded bg-white px-3 py-1 font-semibold text-slate-900"
          >
            Leave presenter view (P)
          </button>
        </div>
      ) : null}
      {children}
    </PresenterContext.Provider>
  );
}

export const usePresenter = () => useContext(PresenterContext);

/** Read by lib/oidc/interaction-page.ts: the pages of the authorization server are projected too. */
const PRESENT_COOKIE = 'playground_present';

/**
 * The page the callback returns to, in presenter view if this page is in it now: the view survives the
 * trip through the authorization server, and comes back with the secrets masked.
 */
export function presentingPath(path: string): string {
  if (new URLSearchParams(window.location.search).get('present') !== '1') return path;
  const url = new URL(path, window.location.origin);
  url.searchParams.set('present', '1');
  return `${url.pathname}${url.search}`;
}

/** Text that may hold secrets: masked in presenter view until revealed. */
export function useMask(): (text: string) => string {
  const { presenting, revealed } = usePresenter();
  return presenting && !revealed ? maskSecrets : (text) => text;
}

/** Masks for the three shapes secrets come in: free text, a named value, a bare token. */
export function useMasks() {
  const { presenting, revealed } = usePresenter();
  const on = presenting && !revealed;
  return {
    text: on ? maskSecrets : (text: string) => text,
    value: on ? maskValue : (_name: string, value: string) => value,
    token: on ? shorten : (token: string) => token,
  };
}

/**
 * P toggles the presenter view on a page without the walkthrough's shortcuts (a challenge, the class's
 * progress); never while typing in a field.
 */
export function PresenterShortcut() {
  const { toggle } = usePresenter();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented)
        return;
      if (event.key === 'p' || event.key === 'P') toggle();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [toggle]);
  return null;
}
