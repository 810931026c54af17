/**
 * The print HTML and the EPUB from one transform (issue 15, item 1): when a
 * build makes both, xslt/book.xsl renders them together, sharing the common
 * core's work; its two parts are the bytes html.xsl and epub.xsl make alone,
 * messages included, and a build that makes one of them runs only its driver.
 * Needs `npm run build` (the compiled SEF files in build/xslt).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runStylesheet } from '../../pipeline/writers/xslt.js';
import { writeFormats } from '../../pipeline/writers/index.js';
import { resolveSettings } from '../../pipeline/settings.js';
import { teiStages, type Edition } from '../../pipeline/stages.js';
import { MessageLog } from '../../pipeline/messages.js';
import { xsltEngine } from '../../pipeline/xslt-engine/index.js';
import { teiDoc } from '../xslt/helpers.js';

const SEED = path.resolve(import.meta.dirname, '..', '..', 'seeds', 'wright-1941-soviet-union-at-war.txt');

/** A small TEI with what the print HTML and the EPUB render differently: notes, a variant, page breaks, languages, links, the index. */
const RICH = teiDoc({
  standOff: `<listPerson><person xml:id="pers-stalin"><persName type="preferred">Joseph Stalin</persName><persName>Iosif Dzhugashvili</persName></person></listPerson>
    <listPlace><place xml:id="place-kyiv"><placeName>Kyiv</placeName><placeName>Kiev</placeName></place></listPlace>`,
  body: `<div><head>One</head><p xml:id="p1">A <persName ref="#pers-stalin">Stalin</persName> note<note n="1">The <foreign xml:lang="de">Anmerkung</foreign>, see <ref target="#p2">below</ref>.</note>
      and a <app type="substantive"><lem wit="#A">word</lem><rdg wit="#B">world</rdg></app>.<pb n="12"/></p></div>
    <div><head>Two</head><p xml:id="p2">In <placeName ref="#place-kyiv">Kiev</placeName>, an <oddity>odd</oddity> thing.<pb n="13"/></p></div>`,
  back: `<div type="notes"><note type="endnote" n="2"><p>An endnote.</p></note></div>`,
}).replace('</sourceDesc>', '<listWit><witness xml:id="A">First</witness><witness xml:id="B">Second</witness></listWit></sourceDesc>');

const params = { slug: 'rich', uuid: '00000000-0000-5000-8000-000000000000', 'font-files': ['fonts/face.woff2', 'fonts/OFL.txt'] };

describe('xslt/book.xsl', () => {
  it('gives, in one transform, the bytes and messages of html.xsl and epub.xsl run alone', () => {
    const print = runStylesheet('html', RICH, { ...params, 'font-faces': '/* print faces */' });
    const epub = runStylesheet('epub', RICH, { ...params, 'font-faces': '/* epub faces */' });
    const book = runStylesheet('book', RICH, { ...params, 'font-faces': '/* print faces */', 'epub-font-faces': '/* epub faces */' });
    // Not a vacuous comparison: the two renderings differ where the drivers differ.
    expect(print.principal).toContain('class="footnote"');
    expect(print.principal).not.toContain('epub:type');
    expect(epub.documents.get('OEBPS/text-01.xhtml')).toContain('epub:type="noteref"');
    expect(epub.documents.get('OEBPS/text-01.xhtml')).toContain('href="text-02.xhtml#p2"');
    expect(epub.documents.get('OEBPS/index.xhtml')).toContain('epub:type="index"');
    expect(epub.messages.some((message) => message.startsWith('render:unknown-element'))).toBe(true);
    expect(book.principal).toBe(print.principal);
    expect([...book.documents].sort()).toEqual([...epub.documents].sort());
    expect(book.messages).toEqual([...epub.messages, 'book:part-print', ...print.messages]);
  });
});

async function seedEdition(): Promise<Edition> {
  const settings = resolveSettings({ buildDate: '2026-01-01' });
  const edition: Edition = { path: SEED, bytes: readFileSync(SEED), log: new MessageLog(SEED) };
  for (const stage of teiStages) await stage(edition, settings);
  return edition;
}

describe('the html and epub writers', () => {
  afterEach(() => vi.restoreAllMocks());

  it('make both from one transform, and each alone from its own driver, to the same bytes and warnings', async () => {
    const edition = await seedEdition();
    const settings = resolveSettings({ buildDate: '2026-01-01' });
    const transform = vi.spyOn(xsltEngine('saxonjs'), 'transform');
    const written = async (formats: string[]) => {
      transform.mockClear();
      edition.log = new MessageLog(SEED);
      const { files } = await writeFormats(edition, formats, { slug: 'seed', settings });
      return { files, stylesheets: transform.mock.calls.map((call) => call[0]), log: edition.log.messages.map((message) => JSON.stringify(message)) };
    };
    const both = await written(['epub', 'html']);
    const epub = await written(['epub']);
    const html = await written(['html']);
    expect(both.stylesheets).toEqual(['book']);
    expect(epub.stylesheets).toEqual(['epub']);
    expect(html.stylesheets).toEqual(['html']);
    expect(both.files.map((file) => file.name)).toEqual(['seed.epub', 'seed.html']);
    expect(Buffer.from(both.files[0]!.data).equals(Buffer.from(epub.files[0]!.data))).toBe(true);
    expect(Buffer.from(both.files[1]!.data).equals(Buffer.from(html.files[0]!.data))).toBe(true);
    expect(both.log).toEqual([...epub.log, ...html.log]);
  }, 120_000);
});
