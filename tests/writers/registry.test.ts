/**
 * The writer registry (issue 14, item 2): the run order, implied formats and
 * help come from the rows, the PDF gets the print HTML made once, and a new
 * format is one module and one row.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALL_FORMATS, DEFAULT_FORMATS, FORMAT_ROWS, formatsHelp, parseFormats, resolveFormats, runOrder, type FormatRow } from '../../pipeline/writers/formats.js';
import { writeFormats } from '../../pipeline/writers/index.js';
import { resolveSettings } from '../../pipeline/settings.js';
import { teiStages, type Edition } from '../../pipeline/stages.js';
import { MessageLog } from '../../pipeline/messages.js';

const SEED = path.resolve(import.meta.dirname, '..', '..', 'seeds', 'wright-1941-soviet-union-at-war.txt');

async function seedEdition(): Promise<Edition> {
  const settings = resolveSettings({ buildDate: '2026-01-01' });
  const edition: Edition = { path: SEED, bytes: readFileSync(SEED), log: new MessageLog(SEED) };
  for (const stage of teiStages) await stage(edition, settings);
  return edition;
}

const row = (name: string, needs: string[] = [], extra: Partial<FormatRow> = {}): FormatRow => ({ name, summary: name, needs, byDefault: false, module: './none.js', ...extra });

describe('the format rows', () => {
  it('give the run order: each writer after what it needs, the bag after every other', () => {
    expect(ALL_FORMATS).toEqual(['tei', 'epub', 'html', 'archive', 'review', 'pdf', 'bag']);
    expect(DEFAULT_FORMATS).toEqual(['tei', 'epub', 'html', 'archive', 'review']);
    // Order follows needs, not the order of the rows.
    expect(runOrder([row('b', ['a']), row('a'), row('all', [], { packsAll: true }), row('c')])).toEqual(['a', 'b', 'c', 'all']);
  });

  it('refuse rows that need each other or a format no row makes', () => {
    expect(() => runOrder([row('a', ['b']), row('b', ['a'])])).toThrow(/need each other: a → b → a/);
    expect(() => runOrder([row('a', ['nothing'])])).toThrow(/needs "nothing", which no format row makes/);
  });

  it('add the formats a bag writes beside it, not the print HTML a PDF only reads', () => {
    expect(resolveFormats(['bag'])).toEqual(['epub', 'html', 'archive', 'bag']);
    expect(resolveFormats(['pdf'])).toEqual(['pdf']);
    expect(parseFormats('review, tei')).toEqual(['review', 'tei']);
    expect(() => parseFormats('tei,docx')).toThrow(/unknown format "docx"; choose from tei, epub/);
  });

  it('make the --formats help, one line per row', () => {
    const help = formatsHelp();
    expect(help.split('\n')).toHaveLength(FORMAT_ROWS.length);
    expect(help).toMatch(/pdf +PDF printed from the print HTML .*needs Chromium/);
    expect(help).toMatch(/bag +.*adds archive, epub, html/);
  });
});

describe('writing formats', () => {
  it('hands a writer the files of what it needs, made once, and returns only the asked formats', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tei-press-writer-'));
    // A tiny new format: one module …
    const module = path.join(dir, 'word-count.mjs');
    writeFileSync(module, `
      export const write = async (edition, { slug, made }) => {
        const [html] = made.get('html');
        const words = edition.teiXml.replace(/<[^>]+>/g, ' ').split(/\\s+/).filter(Boolean).length;
        return [{ name: slug + '.words.txt', data: words + ' words; print HTML ' + html.name + ' of ' + html.data.length + ' characters\\n' }];
      };
    `);
    // … and one row.
    const rows: FormatRow[] = [...FORMAT_ROWS, { name: 'words', summary: 'a word count', needs: ['html'], byDefault: false, module: pathToFileURL(module).href }];
    const edition = await seedEdition();
    const settings = resolveSettings({ buildDate: '2026-01-01' });
    const { files, missing } = await writeFormats(edition, ['tei', 'words'], { slug: 'seed', settings }, rows);
    expect(files.map((file) => file.name)).toEqual(['seed.tei.xml', 'seed.words.txt']);
    expect(missing).toEqual([]);
    const html = (await writeFormats(edition, ['html'], { slug: 'seed', settings })).files[0]!;
    expect(String(files[1]!.data)).toMatch(new RegExp(`^\\d{4,} words; print HTML seed\\.html of ${html.data.length} characters\\n$`));
    expect(formatsHelp(rows)).toMatch(/words +a word count$/m);
  }, 120_000);

  it('says which module is no writer', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tei-press-writer-'));
    const module = path.join(dir, 'not-a-writer.mjs');
    writeFileSync(module, 'export const nothing = 1;\n');
    const rows: FormatRow[] = [...FORMAT_ROWS, { name: 'broken', summary: 'x', needs: [], byDefault: false, module: pathToFileURL(module).href }];
    await expect(writeFormats(await seedEdition(), ['broken'], { slug: 'seed', settings: resolveSettings({ buildDate: '2026-01-01' }) }, rows))
      .rejects.toThrow(/format "broken" .* exports no write function/);
  }, 120_000);
});
