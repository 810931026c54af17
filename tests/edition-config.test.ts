/**
 * Edition settings (issue 12 item 1): a `tei-press.json` beside the inputs, or
 * `--config FILE`, names the publisher, place, series, editors, licence, base
 * URL, default language and fonts; bad values stop the build with file:line:col
 * and exit 2; the values reach every output (TEI header, OPF, print HTML,
 * PDF metadata, bag-info); without a file nothing is claimed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, findEditionConfig, loadEditionConfig } from '../pipeline/edition-config.js';
import { buildEditions } from '../pipeline/build.js';
import { closePrintBrowser } from '../pipeline/writers/pdf.js';
import { epubEntries } from './xslt/helpers.js';
import { runCli } from './cli-helpers.js';

const SEED = 'seeds/wright-1941-soviet-union-at-war.txt';
const SLUG = 'wright-1941-soviet-union-at-war';
const CHROMIUM = process.env.TEI_PRESS_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const HAVE_PDFINFO = spawnSync('pdfinfo', ['-v']).error === undefined;
const EPUBCHECK = '/usr/share/java/epubcheck.jar';
const HAVE_EPUBCHECK = spawnSync('java', ['-version']).status === 0 && existsSync(EPUBCHECK);

const SETTINGS = {
  publisher: 'Holloway Labour Archive',
  place: 'London',
  series: { title: 'Pamphlets of the Left', number: '4' },
  editors: [
    { name: 'Ann Reader', role: 'edt' },
    { name: 'Sam Proof', role: 'pfr' },
  ],
  licence: { text: 'Creative Commons Attribution-ShareAlike 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
  baseUrl: 'https://editions.example.org/books',
  identifier: 'url',
};

const work = mkdtempSync(path.join(os.tmpdir(), 'tei-press-config-'));
afterAll(async () => {
  await closePrintBrowser();
  rmSync(work, { recursive: true, force: true });
});

/** Writes a settings file and returns its path. */
function settingsFile(name: string, text: string): string {
  const file = path.join(work, name);
  writeFileSync(file, text);
  return file;
}

/** The ConfigError a file gives. */
function errorOf(text: string): ConfigError {
  try {
    loadEditionConfig(settingsFile('probe.json', text));
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the settings were accepted');
}

describe('reading tei-press.json', () => {
  it('resolves every setting', () => {
    const config = loadEditionConfig(settingsFile('good.json', JSON.stringify({ ...SETTINGS, language: 'de', fonts: { body: 'Charis SIL, serif' } })));
    expect(config).toMatchObject({
      publisher: 'Holloway Labour Archive',
      place: 'London',
      series: { title: 'Pamphlets of the Left', number: '4' },
      editors: SETTINGS.editors,
      licence: SETTINGS.licence,
      baseUrl: 'https://editions.example.org/books/',
      identifier: 'url',
      language: 'de',
      fonts: { body: 'Charis SIL, serif' },
    });
  });

  it.each([
    ['a role that is no MARC relator code', '{\n  "editors": [\n    { "name": "A", "role": "boss" }\n  ]\n}\n', 3, 28, 'config:bad-value', /MARC relator code.*edt \(Editor\)/],
    ['JSON with a trailing comma', '{\n  "publisher": "X",\n}\n', 3, 1, 'config:not-json', /not valid JSON/],
    ['an unknown key (a typo)', '{\n  "publsher": "X"\n}\n', 2, 3, 'config:unknown-key', /unknown setting "publsher"; the settings are publisher/],
    ['a licence address that is not http(s)', '{ "licence": { "text": "CC0", "url": "file:///etc/passwd" } }', 1, 38, 'config:bad-value', /http:\/\/ or https:\/\//],
    ['"identifier": "url" without a base URL', '{\n  "identifier": "url"\n}', 2, 17, 'config:bad-value', /needs a "baseUrl"/],
    ['a language that is no BCP 47 tag', '{ "language": "English" }', 1, 15, 'config:bad-value', /BCP 47/],
    ['a font list that would end the CSS rule', '{ "fonts": { "body": "x; } body { color: red" } }', 1, 22, 'config:bad-value', /CSS font-family names/],
    ['a publisher that is a number', '{ "publisher": 42 }', 1, 16, 'config:bad-value', /must be a string, found number/],
    ['an array instead of an object', '[]', 1, 1, 'config:not-object', /one JSON object/],
  ])('refuses %s at its line and column', (_what, text, line, column, ruleId, reason) => {
    const error = errorOf(text);
    expect([error.line, error.column, error.ruleId]).toEqual([line, column, ruleId]);
    expect(error.message).toMatch(reason);
    expect(error.message).toMatch(new RegExp(`^${path.join(work, 'probe.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:${column}: error: `));
  });

  it('finds the file beside the inputs, and refuses two different ones', () => {
    const a = path.join(work, 'find-a');
    const b = path.join(work, 'find-b');
    mkdirSync(a);
    mkdirSync(b);
    writeFileSync(path.join(a, 'tei-press.json'), '{ "publisher": "A Press" }');
    writeFileSync(path.join(b, 'tei-press.json'), '{ "publisher": "B Press" }');
    writeFileSync(path.join(a, 'x.txt'), 'x');
    expect(findEditionConfig([a]).publisher).toBe('A Press');
    expect(findEditionConfig([path.join(a, 'x.txt')]).publisher).toBe('A Press');
    expect(findEditionConfig([`${a}/*.txt`]).publisher).toBe('A Press');
    expect(() => findEditionConfig([a, b])).toThrow(/different edition settings.*--config/);
    // --config wins over the file beside the inputs.
    expect(findEditionConfig([a], path.join(b, 'tei-press.json')).publisher).toBe('B Press');
    expect(findEditionConfig([work]).publisher).toBeUndefined();
  });
});

describe('tei-press build with bad settings', () => {
  it('exits 2 with file:line:col and the rule id, and builds nothing', () => {
    const file = settingsFile('bad.json', '{\n  "publisher": "X",\n  "editors": [{ "name": "A", "role": "boss" }]\n}\n');
    const out = path.join(work, 'bad-out');
    const result = runCli(['build', SEED, '--config', file, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:3:38: error: "editors[0].role" is "boss"`);
    expect(result.stderr).toContain('[config:bad-value]');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(path.join(out, SLUG))).toBe(false);
  });
});

describe('the settings in every output', () => {
  const withSettings = path.join(work, 'with');
  const without = path.join(work, 'without');
  const formats = ['tei', 'epub', 'html', 'archive', 'bag', ...(HAVE_CHROMIUM ? (['pdf'] as const) : [])] as const;
  const read = (root: string, name: string) => readFileSync(path.join(root, SLUG, name), 'utf8');

  beforeAll(async () => {
    // The settings file lies beside the input, as a press keeps it in its project folder.
    const project = path.join(work, 'project');
    mkdirSync(project);
    copyFileSync(SEED, path.join(project, path.basename(SEED)));
    writeFileSync(path.join(project, 'tei-press.json'), JSON.stringify(SETTINGS, null, 2));
    for (const [inputs, out] of [[[project], withSettings], [[SEED], without]] as const) {
      const batch = await buildEditions(inputs, { outDir: out, formats: [...formats], buildDate: '2020-02-02', jobs: 1, force: true });
      for (const edition of batch.editions) expect(edition.status, edition.messages.map((m) => `${m.ruleId}: ${m.reason}`).join('\n')).toBe('built');
    }
  }, 300_000);

  it('the TEI header: publisher, place, editors with their roles, series, the edition licence', () => {
    const tei = read(withSettings, `${SLUG}.tei.xml`);
    expect(tei).toContain('<publisher>Holloway Labour Archive</publisher>');
    expect(tei).toContain('<pubPlace>London</pubPlace>');
    expect(tei).toMatch(/<editionStmt>\s*<edition>Edition of <date when="2020-02-02">2020-02-02<\/date><\/edition>\s*<editor role="edt">Ann Reader<\/editor>\s*<editor role="pfr">Sam Proof<\/editor>/);
    expect(tei).toMatch(/<seriesStmt>\s*<title level="s">Pamphlets of the Left<\/title>\s*<biblScope unit="volume">4<\/biblScope>/);
    expect(tei).toContain('<licence target="https://creativecommons.org/licenses/by-sa/4.0/">This edition (its markup, apparatus and renderings): Creative Commons Attribution-ShareAlike 4.0</licence>');
    // The archival TEI carries the same header.
    expect(read(withSettings, `${SLUG}.archive.tei.xml`)).toContain('<editor role="pfr">Sam Proof</editor>');
  });

  it('the EPUB package: dc:publisher, identifier from the base URL, contributors with MARC roles, the series', async () => {
    const opf = (await epubEntries(readFileSync(path.join(withSettings, SLUG, `${SLUG}.epub`)))).get('OEBPS/content.opf')!;
    expect(opf).toContain('<dc:publisher>Holloway Labour Archive</dc:publisher>');
    expect(opf).toContain(`<dc:identifier id="uid">https://editions.example.org/books/${SLUG}/</dc:identifier>`);
    expect(opf).toMatch(/<dc:identifier>urn:uuid:[0-9a-f-]{36}<\/dc:identifier>/);
    expect(opf).toMatch(/<dc:contributor id="editor-1">Ann Reader<\/dc:contributor>\s*<meta refines="#editor-1" property="role" scheme="marc:relators">edt<\/meta>/);
    expect(opf).toMatch(/<dc:contributor id="editor-2">Sam Proof<\/dc:contributor>\s*<meta refines="#editor-2" property="role" scheme="marc:relators">pfr<\/meta>/);
    expect(opf).toContain('<meta property="belongs-to-collection" id="series">Pamphlets of the Left</meta>');
    expect(opf).toContain('<meta refines="#series" property="group-position">4</meta>');
    expect(opf).toContain('Creative Commons Attribution-ShareAlike 4.0');
  });

  it('the EPUB cover names the series and the publisher of the settings', async () => {
    const svg = (await epubEntries(readFileSync(path.join(withSettings, SLUG, `${SLUG}.epub`)))).get('OEBPS/cover.svg')!;
    expect(svg).toContain('<text class="series" x="300" y="100" font-size="18" font-style="normal" text-anchor="middle">PAMPHLETS OF THE LEFT</text>');
    expect(svg).toContain('>Holloway Labour Archive</text>');
    expect(svg).toContain('<title id="cover-title">Cover: The Soviet Union at War, by John G. Wright, August 1941, series Pamphlets of the Left, Holloway Labour Archive</title>');
  });

  it.skipIf(!HAVE_EPUBCHECK)(`the EPUB with settings passes epubcheck 0/0${HAVE_EPUBCHECK ? '' : ' — skipped: java or epubcheck missing'}`, () => {
    const run = spawnSync('java', ['-jar', EPUBCHECK, path.join(withSettings, SLUG, `${SLUG}.epub`)], { encoding: 'utf8' });
    expect(`${run.stdout}\n${run.stderr}`).toMatch(/Messages: 0 fatals \/ 0 errors \/ 0 warnings|No errors or warnings detected/);
  }, 300_000);

  it('the print HTML colophon: editors, series, publisher and place, address, licence', () => {
    const html = read(withSettings, `${SLUG}.html`);
    const colophon = html.slice(html.indexOf('id="colophon"'));
    expect(colophon).toMatch(/<dt>Editor<\/dt><dd>Ann Reader<\/dd>/);
    expect(colophon).toMatch(/<dt>Proofreader<\/dt><dd>Sam Proof<\/dd>/);
    expect(colophon).toMatch(/<dt>Series<\/dt><dd>Pamphlets of the Left, 4<\/dd>/);
    expect(colophon).toMatch(/<dt>This edition<\/dt><dd>Holloway Labour Archive, London, /);
    expect(colophon).toContain(`https://editions.example.org/books/${SLUG}/`);
    expect(colophon).toContain('Creative Commons Attribution-ShareAlike 4.0');
  });

  it('bag-info: Source-Organization is the publisher, External-Identifier the address', () => {
    const info = read(withSettings, `${SLUG}-bag/bag-info.txt`);
    expect(info).toContain('Source-Organization: Holloway Labour Archive\n');
    expect(info).toContain(`External-Identifier: https://editions.example.org/books/${SLUG}/\n`);
    expect(info).toContain('Edition by Holloway Labour Archive from the transcription');
  });

  it.skipIf(!HAVE_CHROMIUM || !HAVE_PDFINFO)(`the PDF metadata: title, author, subject, keywords, the edition's dates${HAVE_CHROMIUM && HAVE_PDFINFO ? '' : ' — skipped: Chromium or pdfinfo missing'}`, () => {
    const info = execFileSync('pdfinfo', ['-isodates', path.join(withSettings, SLUG, `${SLUG}.pdf`)], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+The Soviet Union at War$/m);
    expect(info).toMatch(/^Author:\s+John G\. Wright$/m);
    expect(info).toMatch(/^Subject:\s+The Soviet Union at War, by John G\. Wright\. From Fourth International, Vol\. 2 No\. 7, August 1941, pp\. 217–221\.$/m);
    expect(info).toMatch(/^Keywords:\s+Joseph Stalin, .*Leon Trotsky/m);
    expect(info).toMatch(/^CreationDate:\s+2020-02-02T00:00:00/m);
    expect(info).toMatch(/^ModDate:\s+2020-02-02T00:00:00/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    // The update keeps Chromium's PDF readable page by page.
    expect(execFileSync('pdftotext', ['-f', '1', '-l', '1', path.join(withSettings, SLUG, `${SLUG}.pdf`), '-'], { encoding: 'utf8' })).toContain('The Soviet Union at War');
  });

  it('without settings nothing is claimed: no publisher, no editor, no edition licence; the tool is only the encoder', async () => {
    const tei = read(without, `${SLUG}.tei.xml`);
    const header = tei.slice(0, tei.indexOf('</teiHeader>'));
    expect(header).not.toContain('<publisher>TEI Press</publisher>');
    expect(header).toMatch(/<publicationStmt>\s*<authority>Not published: an edition made for study, with no publisher named<\/authority>/);
    expect(header).not.toMatch(/<editionStmt|<seriesStmt|<editor /);
    expect(header).toMatch(/<respStmt>\s*<resp>TEI encoding<\/resp>\s*<name>TEI Press<\/name>/);
    expect(header).toContain('offered under no licence of its own');
    const opf = (await epubEntries(readFileSync(path.join(without, SLUG, `${SLUG}.epub`)))).get('OEBPS/content.opf')!;
    expect(opf).not.toContain('<dc:publisher>');
    expect(opf).toMatch(/<dc:identifier id="uid">urn:uuid:/);
    const info = read(without, `${SLUG}-bag/bag-info.txt`);
    expect(info).not.toContain('Source-Organization');
    expect(info).toContain(`External-Identifier: ${SLUG}\n`);
    expect(info).toContain('Edition made with TEI Press from the transcription');
  });

  it('other settings rebuild an unchanged input (the settings are part of the manifest key)', async () => {
    const project = path.join(work, 'project');
    writeFileSync(path.join(project, 'tei-press.json'), JSON.stringify({ ...SETTINGS, publisher: 'Another Press' }));
    const batch = await buildEditions([project], { outDir: withSettings, formats: [...formats.filter((f) => f !== 'pdf')], buildDate: '2020-02-02', jobs: 1 });
    expect(batch.editions.map((edition) => edition.status)).toEqual(['built']);
    expect(read(withSettings, `${SLUG}.tei.xml`)).toContain('<publisher>Another Press</publisher>');
    expect(readdirSync(path.join(withSettings, SLUG))).toContain(`${SLUG}.tei.xml`);
  }, 300_000);
});
