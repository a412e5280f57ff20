import { createHash } from 'node:crypto';

/**
 * A CSP hash source for an inline script (CSP3 §8.3): sha256 of the script's text exactly as it
 * stands between `<script>` and `</script>`. A page whose scripts are known in advance can allow
 * exactly those, and no injected one, without a per-request nonce.
 */
export const scriptHash = (script: string) =>
  `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;

const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** The hash sources of every inline script in an HTML document (scripts with `src` are not inline). */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)]
    .map((match) => match[1] ?? '')
    .filter((text) => text.length > 0)
    .map(scriptHash);
}
