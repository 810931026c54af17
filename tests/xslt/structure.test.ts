/**
 * The shape of the stylesheets (issue 14, item 5): common/ decides what TEI
 * means and writes no markup of its own; html/ writes XHTML; the drivers are
 * siblings; the CSS lives in .css files; every parameter is documented where
 * it is declared. Each rule is first shown to catch a made-up offence.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const xslt = path.resolve(import.meta.dirname, '..', '..', 'xslt');
const read = (file: string) => readFileSync(path.join(xslt, file), 'utf8');
const modules = (folder: string) => readdirSync(path.join(xslt, folder)).filter((name) => name.endsWith('.xsl')).map((name) => `${folder}/${name}`);
const drivers = readdirSync(xslt).filter((name) => name.endsWith('.xsl'));

type Node = Record<string, unknown>;
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, commentPropName: '#comment', cdataPropName: '#cdata' });

/** Names of the elements of a stylesheet that are not XSLT instructions (literal result elements), and its CDATA sections. */
function literalsOf(source: string): { elements: string[]; cdata: number } {
  const elements: string[] = [];
  let cdata = 0;
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      for (const [name, value] of Object.entries(node)) {
        if (name === ':@' || name === '#text' || name === '#comment' || name.startsWith('?')) continue;
        if (name === '#cdata') { cdata++; continue; }
        if (!name.startsWith('xsl:')) elements.push(name);
        if (Array.isArray(value)) walk(value as Node[]);
      }
    }
  };
  walk(parser.parse(source) as Node[]);
  return { elements, cdata };
}

/** The names of the top-level declarations of a stylesheet. */
function topLevelOf(source: string): string[] {
  const stylesheet = (parser.parse(source) as Node[]).find((node) => 'xsl:stylesheet' in node);
  return ((stylesheet?.['xsl:stylesheet'] ?? []) as Node[]).flatMap((node) => Object.keys(node).filter((name) => name.startsWith('xsl:')));
}

/** The hrefs a stylesheet imports or includes. */
const importsOf = (source: string) => [...source.matchAll(/<xsl:(?:import|include)\s+href="([^"]+)"/g)].map((match) => match[1]!);

describe('the stylesheets', () => {
  it('see a literal element and a CDATA section where there is one', () => {
    const found = literalsOf('<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="p"><p><xsl:apply-templates/></p></xsl:template><xsl:variable name="c"><![CDATA[a{}]]></xsl:variable></xsl:stylesheet>');
    expect(found).toEqual({ elements: ['p'], cdata: 1 });
  });

  it('common/ writes no markup: every element of its modules is an XSLT instruction (the output is html/behaviours.xsl\'s)', () => {
    const common = modules('common');
    expect(common.length).toBeGreaterThan(5);
    for (const file of common) expect(literalsOf(read(file)).elements, file).toEqual([]);
  });

  it('holds no CSS: no CDATA section in any stylesheet, the style sheets are the .css files of xslt/css/', () => {
    for (const file of [...drivers, ...modules('common'), ...modules('html')]) expect(literalsOf(read(file)).cdata, file).toBe(0);
    expect(readdirSync(path.join(xslt, 'css')).sort()).toEqual(['apparatus.css', 'print.css', 'reading.css', 'site.css']);
  });

  it('drivers are siblings: none imports another driver', () => {
    expect(drivers).toEqual(expect.arrayContaining(['archive.xsl', 'epub.xsl', 'html.xsl', 'site.xsl']));
    for (const driver of drivers) {
      for (const href of importsOf(read(driver))) expect(drivers, `${driver} imports ${href}`).not.toContain(href);
    }
    // The XHTML drivers import the same stack of common core, behaviours and parts; beyond it, a driver
    // includes only modules of its own, in the folder named after it (epub.xsl: epub/cover.xsl).
    for (const driver of ['epub.xsl', 'html.xsl', 'site.xsl']) {
      const [stack, ...own] = importsOf(read(driver));
      expect(stack, driver).toBe('html/all.xsl');
      for (const href of own) expect(href.startsWith(`${driver.replace(/\.xsl$/, '')}/`), `${driver} includes ${href}`).toBe(true);
    }
  });

  it('book.xsl is the print and EPUB drivers in one transform: their stack, then the modules each driver includes', () => {
    expect(importsOf(read('html.xsl'))).toEqual(['html/all.xsl', 'html/print.xsl']);
    expect(importsOf(read('epub.xsl'))).toEqual(['html/all.xsl', 'epub/package.xsl']);
    expect(importsOf(read('book.xsl'))).toEqual(['html/all.xsl', 'html/print.xsl', 'epub/package.xsl']);
  });

  it('every behaviour the common core calls is written by html/behaviours.xsl', () => {
    const defined = new Set([...read('html/behaviours.xsl').matchAll(/<xsl:template name="([^"]+)"/g)].map((match) => match[1]!));
    const called = new Set(modules('common').flatMap((file) => [...read(file).matchAll(/<xsl:call-template name="([^"]+)"/g)].map((match) => match[1]!)));
    expect(called.size).toBeGreaterThan(20);
    for (const name of called) expect(defined.has(name), `common/ calls "${name}"`).toBe(true);
  });

  it('documents every parameter where it is declared (common/params.xsl), and declares every one it documents', () => {
    const source = read('common/params.xsl');
    const declared = [...source.matchAll(/<xsl:param name="([^"]+)"/g)].map((match) => match[1]!).sort();
    const table = source.slice(0, source.indexOf('<xsl:stylesheet'));
    const documented = [...table.matchAll(/^\s*\| ([a-z][a-z-]*)\s+\|/gm)].map((match) => match[1]!).filter((name) => name !== 'name').sort();
    expect(declared.length).toBeGreaterThan(10);
    expect(documented).toEqual(declared);
    // No other stylesheet declares a parameter of its own.
    for (const file of [...drivers, ...modules('common'), ...modules('html')].filter((name) => name !== 'common/params.xsl')) {
      expect(topLevelOf(read(file)), file).not.toContain('xsl:param');
    }
  });
});
