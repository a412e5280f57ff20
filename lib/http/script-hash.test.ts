import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, scriptHash } from './script-hash';

describe('CSP hash sources for inline scripts', () => {
  it('is the base64 sha256 of the script text, quoted as CSP wants it', () => {
    const text = 'document.forms[0].submit()';
    expect(scriptHash(text)).toBe(`'sha256-${createHash('sha256').update(text).digest('base64')}'`);
  });

  it('hashes every inline script of a page, exactly between its tags, and no script with src', () => {
    const html =
      '<head><script src="/_next/static/chunks/a.js" async=""></script><script>self.__next_f=[]</script></head>' +
      '<body><script id="x">\n(self.__next_f.push([1,"a"]))\n</script><script></script></body>';
    expect(inlineScriptHashes(html)).toEqual([
      scriptHash('self.__next_f=[]'),
      scriptHash('\n(self.__next_f.push([1,"a"]))\n'),
    ]);
  });
});
