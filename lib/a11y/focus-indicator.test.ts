import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTHORIZATION_SERVER_STYLE } from '../oidc/views/layout';
import { contrast } from './contrast';

const globals = fs.readFileSync(path.join(import.meta.dirname, '../../app/globals.css'), 'utf8');

/** The focus indicator a stylesheet declares: an outline colour and the halo between it and the element. */
function indicatorOf(css: string) {
  const rule = css.match(/:focus-visible\s*\{([^}]*)\}/)?.[1] ?? '';
  return {
    outline: rule.match(/outline:\s*\d+px solid (#[0-9a-f]{6})/i)?.[1],
    halo: rule.match(/box-shadow:\s*0 0 0 \d+px (#[0-9a-f]{6})/i)?.[1],
  };
}

// Every surface a focusable element sits on or next to: pages, cards, notices, code blocks, buttons.
const BACKGROUNDS = {
  white: '#ffffff',
  'slate-50 (page)': '#f8fafc',
  'slate-100 (log, sign-in page)': '#f1f5f9',
  'slate-200 (secondary buttons)': '#e2e8f0',
  'amber-50 (notices)': '#fffbeb',
  'red-50 (errors)': '#fef2f2',
  'as-soft (current step)': '#f3e8ff',
  'slate-700 (hovered dark button)': '#334155',
  'slate-900 (code blocks, buttons)': '#0f172a',
  'as-accent (sign-in buttons)': '#6b21a8',
  'as (sign-in page header)': '#3b0764',
};

describe('the focus indicator (WCAG 2.2 SC 1.4.11 and 2.4.13)', () => {
  for (const [where, css] of [
    ['the playground’s pages', globals],
    ['the authorization server’s pages', AUTHORIZATION_SERVER_STYLE],
  ] as const) {
    it(`on ${where}, one of its two tones reaches 3:1 against every background`, () => {
      const { outline, halo } = indicatorOf(css);
      expect(outline).toBeDefined();
      expect(halo).toBeDefined();
      const weak = Object.entries(BACKGROUNDS)
        .map(([name, background]) => ({
          name,
          best: Math.max(contrast(outline!, background), contrast(halo!, background)),
        }))
        .filter(({ best }) => best < 3)
        .map(({ name, best }) => `${name}: ${best.toFixed(2)}:1`);
      expect(weak).toEqual([]);
      expect(contrast(outline!, halo!)).toBeGreaterThanOrEqual(3);
    });
  }

  it('the former amber outline alone was too faint on white', () => {
    expect(contrast('#f59e0b', '#ffffff')).toBeLessThan(3);
  });
});
