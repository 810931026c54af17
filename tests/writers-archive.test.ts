/**
 * The archival TEI is checked without doing the edition's work again: it is
 * made as a tree and serialised (the same bytes as the stylesheet's own
 * serialisation), and of the Schematron rules, which the edition TEI passed,
 * only the `archive` phase runs on it, unless the edition held markup the
 * archive drops. Needs `npm run build` (compiled stylesheets and rules).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MessageLog } from '../pipeline/messages.js';
import { resolveSettings } from '../pipeline/settings.js';
import { teiDocument, teiStages, type Edition } from '../pipeline/stages.js';
import { archiveKeepsEveryNode } from '../pipeline/writers/archive.js';
import { writeFormat } from '../pipeline/writers/index.js';
import { runStylesheet, runStylesheetToTree } from '../pipeline/writers/xslt.js';
import { validateSchematron } from '../pipeline/validate/schematron.js';
import type { XastNode } from '../pipeline/xslt-engine/saxon-js-tree.js';
import { saxonJsEngine, saxonTreeOf } from '../pipeline/xslt-engine/saxon-js.js';
import { BODY, HEADER, teiDocument as testDocument } from './validate-docs.js';

const SEED = path.join(import.meta.dirname, '..', 'seeds', 'wright-1941-soviet-union-at-war.txt');
const PARAMS = { slug: 'seed', 'tool-version': '0.1.0', modified: '2024-01-02' };

async function seedEdition(): Promise<Edition> {
  const settings = resolveSettings({ outDir: 'unused', buildDate: '2024-01-02' });
  const edition: Edition = { path: SEED, bytes: readFileSync(SEED), log: new MessageLog(SEED) };
  for (const stage of teiStages) await stage(edition, settings);
  return edition;
}

function ids(problems: { id: string }[]): string[] {
  return [...new Set(problems.map((problem) => problem.id))].sort();
}

describe('the archival TEI', () => {
  it('made as a tree and serialised is byte for byte what the stylesheet serialises', async () => {
    const edition = await seedEdition();
    const serialized = runStylesheet('archive', saxonTreeOf(teiDocument(edition)), PARAMS).principal;
    const tree = runStylesheetToTree('archive', saxonTreeOf(teiDocument(edition)), PARAMS, { method: 'xml', indent: false });
    expect(tree.principal.length).toBeGreaterThan(10_000);
    expect(tree.principal).toBe(serialized);
    // Through the engine interface, as the archive writer asks for it: the same text, and its tree.
    const kept = await saxonJsEngine.transform('archive', teiDocument(edition), PARAMS, { keepResult: true });
    expect(kept.principal).toBe(serialized);
    // The tree is the tree of that text: the rules find the same (nothing) on both.
    expect(await validateSchematron(kept.result!)).toEqual(await validateSchematron(serialized));
  }, 120_000);

  it('is written valid from the seed, its rules run as the archive phase', async () => {
    const edition = await seedEdition();
    expect(archiveKeepsEveryNode(edition.teiLayout as XastNode[])).toBe(true);
    const settings = resolveSettings({ outDir: 'unused', buildDate: '2024-01-02' });
    const [file] = await writeFormat(edition, 'archive', { slug: 'seed', settings });
    expect(file!.name).toBe('seed.archive.tei.xml');
    expect(edition.log.messages.filter((message) => message.severity === 'error')).toEqual([]);
  }, 120_000);
});

describe('the archive phase of the rules', () => {
  it('runs the header and date rules, which the archival revision entry can break', async () => {
    const noRevision = testDocument({ header: HEADER.replace(/<revisionDesc>[\s\S]*<\/revisionDesc>/, '') });
    expect(ids(await validateSchematron(noRevision, 'archive'))).toEqual(['header-revision']);
    const badDate = testDocument({ body: BODY.replace('<date when="1941-08">', '<date when="--08-15">') });
    expect(ids(await validateSchematron(badDate, 'archive'))).toEqual(['iso-date']);
  });

  it('leaves out the rules the archival TEI cannot break when the edition passed them (pointers, ids)', async () => {
    const dangling = testDocument({ body: BODY.replace('ref="#org-red-army"', 'ref="#org-white-army"').replace('<p xml:id="p3">', '<p xml:id="p1">') });
    expect(ids(await validateSchematron(dangling))).toEqual(['pointer-resolves', 'unique-id']);
    expect(await validateSchematron(dangling, 'archive')).toEqual([]);
  });
});

describe('archiveKeepsEveryNode', () => {
  const tei = (children: XastNode[], attributes: Record<string, string> = {}): XastNode[] => [
    { type: 'element', name: 'TEI', attributes: { xmlns: 'http://www.tei-c.org/ns/1.0', ...attributes }, children },
  ];
  const element = (name: string, attributes: Record<string, string> = {}, children: XastNode[] = []): XastNode => ({ type: 'element', name, attributes, children });

  it('is true for TEI elements with plain and xml: attributes', () => {
    expect(archiveKeepsEveryNode(tei([element('text', { 'xml:id': 't' }, [element('p', { rend: 'x' }, [{ type: 'text', value: 'a' }])])]))).toBe(true);
  });

  it('is false when archive.xsl would drop something: a prefixed element or attribute, another default namespace, no TEI namespace', () => {
    expect(archiveKeepsEveryNode(tei([element('tp:note', { 'xmlns:tp': 'urn:x', 'xml:id': 'n1' })]))).toBe(false);
    expect(archiveKeepsEveryNode(tei([element('p', { 'tp:internal': 'x', 'xmlns:tp': 'urn:x' })]))).toBe(false);
    expect(archiveKeepsEveryNode(tei([element('svg', { xmlns: 'http://www.w3.org/2000/svg' })]))).toBe(false);
    expect(archiveKeepsEveryNode([element('TEI')])).toBe(false);
    expect(archiveKeepsEveryNode(undefined)).toBe(false);
  });
});
