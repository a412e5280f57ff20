import fs from 'node:fs';
import path from 'node:path';
import { inlineScriptHashes } from './script-hash';

/**
 * The hash sources of the inline scripts in the pages `next build` prerendered (the home page,
 * /callback, the not-found page). Those pages are served as built, to a whole class at once, so they
 * cannot carry a per-request nonce; their inline scripts (Next's bootstrap and the page's React Server
 * Component payload) are fixed by the build, and allowing exactly their hashes is as strict as a nonce:
 * a script injected into a page has neither. Read once per process from the build output; `next dev`
 * renders every page per request, with the nonce, so nothing here is needed there.
 */
const cache = new Map<string, string[]>();

function htmlFiles(directory: string): string[] {
  if (!fs.existsSync(directory)) return [];
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return htmlFiles(full);
    return entry.name.endsWith('.html') ? [full] : [];
  });
}

export function prerenderedScriptHashes(distDir = path.join(process.cwd(), '.next')): string[] {
  const known = cache.get(distDir);
  if (known) return known;
  const hashes = htmlFiles(path.join(distDir, 'server', 'app')).flatMap((file) =>
    inlineScriptHashes(fs.readFileSync(file, 'utf8')),
  );
  const unique = [...new Set(hashes)];
  cache.set(distDir, unique);
  return unique;
}
