/**
 * Hostile or broken HTML inputs through the CLI: bad character references
 * are reported where they are, deep nesting is a clear error with its limit,
 * and what already worked (script and event handlers, path-like titles,
 * binary and empty files) stays so.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../cli-helpers.js';
import { MAX_HTML_DEPTH } from '../../pipeline/readers/decode.js';

const work = mkdtempSync(path.join(tmpdir(), 'tei-press-html-faults-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function page(name: string, body: string, title = 'A Page'): string {
  const file = path.join(work, name);
  writeFileSync(file, `<html><head><title>${title}</title></head><body>\n<h1>${title}</h1>\n${body}\n</body></html>\n`);
  return file;
}

function build(file: string, out = path.join(work, `out-${path.basename(file)}`)) {
  return { ...runCli(['build', file, '--out', out, '--formats', 'tei']), out };
}

describe('HTML inputs that are broken or hostile', () => {
  it('reports character references to no character at their line and column, and still builds', () => {
    const file = page('references.html', '<p>Null &#0; then a surrogate &#xD800; then &#x110000; and a fine &#233; and a windows-1252 dash &#150;.</p>');
    const result = build(file);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/references\.html:3:9: warning: the character reference &#0; names U\+0000.*\[read:character-reference\]/);
    expect(result.stderr).toMatch(/references\.html:3:\d+: warning: the character reference &#xD800; names a UTF-16 surrogate/);
    expect(result.stderr).toMatch(/references\.html:3:\d+: warning: the character reference &#x110000; names a number past U\+10FFFF/);
    expect(result.stderr).not.toMatch(/&#233;|&#150;/);
  });

  it('refuses a reference to a character XML cannot hold, as it refuses the raw character', () => {
    const result = build(page('bell.html', '<p>A bell &#7; rings.</p>'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bell\.html:3:11: error: the character reference &#7; names U\+0007.*\[read:control-character\]/);
    expect(result.stderr).not.toMatch(/internal|not valid against/);
  });

  it(`refuses elements nested deeper than ${MAX_HTML_DEPTH} with that limit, not an internal error`, () => {
    const depth = 10_000;
    const result = build(page('deep.html', `${'<div>'.repeat(depth)}<p>Inside.</p>${'</div>'.repeat(depth)}`));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`deep\\.html:3:\\d+: error: the page nests elements more than ${MAX_HTML_DEPTH} deep.*\\[read:too-deep\\]`));
    expect(result.stderr).not.toMatch(/internal|Maximum call stack/);
    // Deep but within the limit, with closed and unclosed tags: built.
    const fine = build(page('nested.html', `${'<blockquote>'.repeat(20)}<p>Quoted.<p>Again.${'</blockquote>'.repeat(20)}<ul><li>one<li>two</ul>`));
    expect(fine.code, fine.stderr).toBe(0);
  });

  it('drops scripts and event handlers, and keeps a path-like title inside the output folder', () => {
    const file = page('script.html', '<p onclick="alert(1)">Text <script>alert(2)</script><a href="javascript:alert(3)">link</a>.</p><img src="x" onerror="alert(4)">', '../../etc/passwd');
    const result = build(file);
    expect(result.code, result.stderr).toBe(0);
    const folders = readdirSync(result.out).filter((name) => !name.includes('.'));
    expect(folders).toHaveLength(1);
    expect(folders[0]).toMatch(/^[a-z0-9-]+$/);
    const tei = readFileSync(path.join(result.out, folders[0]!, `${folders[0]}.tei.xml`), 'utf8');
    expect(tei).not.toMatch(/alert\(|onclick|onerror|javascript:/);
  });

  it('refuses binary and empty files with a message at their place', () => {
    const binary = path.join(work, 'binary.html');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    expect(build(binary).stderr).toMatch(/binary\.html:3:1: error: .*\[read:binary\]/);
    const empty = path.join(work, 'empty.html');
    writeFileSync(empty, '');
    const result = build(empty);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/empty\.html.*\[read:empty\]/);
  });
});
