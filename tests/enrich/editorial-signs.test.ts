/**
 * The transcription's editorial signs (issue 10, item 4): square brackets
 * marking words left out, unreadable, doubted or supplied become gap,
 * unclear, sic and supplied, every character of the page kept in its place.
 * Each convention is tested on snippets of the archive pages it occurs in
 * (../shared/corpus-html, file named beside it), and on the brackets that
 * must be left alone (note keys, glosses, remarks, headings).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toXml } from 'xast-util-to-xml';
import { buildEditions } from '../../pipeline/build.js';
import { epubEntries, textOf as textOfMarkup } from '../xslt/helpers.js';
import { markSignsIn } from '../../pipeline/enrich/editorial-signs.js';
import { textOf, type Element } from '../../pipeline/tei/tree.js';
import { xmlToXast } from '../critical/xml.js';

/** Marks the signs of one paragraph given as TEI markup; returns its markup, checking that no character changed. */
function marked(content: string): string {
  const p = xmlToXast(`<p>${content}</p>`).children[0] as Element;
  const before = textOf(p);
  markSignsIn(p);
  expect(textOf(p)).toBe(before);
  return toXml(p.children);
}

describe('editorial signs of the transcription', () => {
  it('an omission, "[…]" or "[...]", is a gap (reason omitted) with the sign kept as its description', () => {
    // zinoviev_works_x01_x01.htm
    expect(marked('“The modern capitalist policy of expansionism […] is the heir of the old liberalism,”')).toBe(
      '“The modern capitalist policy of expansionism [<gap reason="omitted"><desc>…</desc></gap>] is the heir of the old liberalism,”',
    );
    expect(marked('aiming to unite the world in a single economic zone. [...] This system')).toBe(
      'aiming to unite the world in a single economic zone. [<gap reason="omitted"><desc>...</desc></gap>] This system',
    );
  });

  it('an unreadable passage, "[illegible]", is a gap (reason illegible)', () => {
    // No page of the corpus has one; the convention as transcribers write it, in a sentence of trotsky_1938_04_lp.htm.
    expect(marked('On the other hand I believe no one in our [illegible] ranks')).toBe(
      'On the other hand I believe no one in our [<gap reason="illegible"><desc>illegible</desc></gap>] ranks',
    );
    expect(marked('the [two words illegible] of')).toBe('the [<gap reason="illegible"><desc>two words illegible</desc></gap>] of');
  });

  it('a doubted reading, "[1964?]", is unclear, the question mark kept outside it', () => {
    // castoriadis_1964_bureaucracy.htm
    expect(marked('“From Bolshevism to the Bureaucracy,” Solidarity Pamphlet, 24 [1964?], 18 pp.')).toBe(
      '“From Bolshevism to the Bureaucracy,” Solidarity Pamphlet, 24 [<unclear>1964</unclear>?], 18 pp.',
    );
  });

  it('"[sic]" marks the word before it as sic, also when that word is a name and the sign is in italics', () => {
    // price_1922_02_genoa.html, as the pipeline has it when the sign reaches this stage.
    expect(marked('The pacifist <persName cert="low">Ghandi</persName> [<hi rend="italic">sic!</hi>] has now complete control')).toBe(
      'The pacifist <sic><persName cert="low">Ghandi</persName></sic> [<hi rend="italic">sic!</hi>] has now complete control',
    );
    // The same sign in plain text.
    expect(marked('The pacifist Ghandi [sic!] has now complete control')).toBe('The pacifist <sic>Ghandi</sic> [sic!] has now complete control');
    expect(marked('a goverment [sic] of')).toBe('a <sic>goverment</sic> [sic] of');
  });

  it('words an editor or translator inserted are supplied: letters in a word, words in a sentence, a first name, what a pronoun stands for', () => {
    // castoriadis_1964_bureaucracy.htm
    expect(marked('in the full sense of the[se] term[s]. This conviction')).toBe('in the full sense of the[<supplied>se</supplied>] term[<supplied>s</supplied>]. This conviction');
    expect(marked('L[eon] <persName ref="#pers-trotsky">Trotsky</persName>, Terrorism')).toBe('L[<supplied>eon</supplied>] <persName ref="#pers-trotsky">Trotsky</persName>, Terrorism');
    expect(marked('After all, the fact that [since the Second World War] the bureaucratic system')).toBe('After all, the fact that [<supplied>since the Second World War</supplied>] the bureaucratic system');
    expect(marked('a theme ponderously repeated today be [<persName cert="low">Isaac</persName>] <persName ref="#pers-deutscher">Deutscher</persName>, for example')).toBe(
      'a theme ponderously repeated today be [<supplied><persName cert="low">Isaac</persName></supplied>] <persName ref="#pers-deutscher">Deutscher</persName>, for example',
    );
    // zinoviev_works_x01_x01.htm, pfemfert_1920_08_07.htm, trotsky_1938_04_lp.htm, suslov_1949_11_x01.htm, grant_1945_04_coalition.htm
    expect(marked('It [capital] seeks to overcome')).toBe('It [<supplied>capital</supplied>] seeks to overcome');
    expect(marked('assets amounting to hundreds of millions [of francs].')).toBe('assets amounting to hundreds of millions [<supplied>of francs</supplied>].');
    expect(marked('and, if [they] so desire')).toBe('and, if [<supplied>they</supplied>] so desire');
    expect(marked('the development of our own organization will [would] be more speedy')).toBe('the development of our own organization will [<supplied>would</supplied>] be more speedy');
    expect(marked('was quite recently blurted out by [W. R.] Poage, member of the House')).toBe('was quite recently blurted out by [<supplied>W. R.</supplied>] Poage, member of the House');
    expect(marked('“It [Crimea] represents a victory')).toBe('“It [<supplied>Crimea</supplied>] represents a victory');
  });

  it('leaves other brackets as they are: note keys, glosses, remarks, signatures, bracketed headings and dates', () => {
    const untouched = [
      'the English Public Schools[*]. But', // orwell_1947_kolghosp-tvaryn.htm
      'true also for the Archive[A] and', // pouliop_works_1940_05_commac.htm
      'autonomous activity on the part of the workers.[2*] The Civil War', // castoriadis_1964_bureaucracy.htm
      'To attack Miliukov [Liberal leader] personally', // grant_1945_04_coalition.htm
      'in this question [Our emphasis—M. J. O.] unanimously', // olgin_1935_trotskyism_13.htm
      '“We contend [says Cannon] that the present methods', // olgin_1935_trotskyism_13.htm
      'described the November Revolution as such” [i.e., as a Socialist Revolution] and then says', // fitzgerald_1922_caps_bells.htm
      'state, independent of territorial borders. [D. Platanos]', // pouliop_works_1940_05_commac.htm
      '[1. The Significance of the Russian Revolution]', // castoriadis_1964_bureaucracy.htm
      '(S. ou B., 19 [July 1956]; ', // castoriadis_1964_bureaucracy.htm
      'published by Merit Publisers [New York] in 1969.', // trotsky_1938_04_lp.htm
      'see Voprosy Istorii KPSS [Problems of the C.P.S.U. History] 1958', // lenin-1920-national-colonial-theses.txt
      '[Retranslated from the German.]', // zinoviev_works_x01_x01.htm
    ];
    for (const content of untouched) expect(marked(content)).toBe(content);
  });

  it('never marks inside what is already an editorial sign or a reference', () => {
    expect(marked('<ref target="#n1">[it]</ref> and <choice><sic>[they]</sic><corr>them</corr></choice>')).toBe('<ref target="#n1">[it]</ref> and <choice><sic>[they]</sic><corr>them</corr></choice>');
  });
});

const PAGES = path.resolve('../shared/corpus-html');
const TEI_ALL = path.resolve('../shared/schemas/tei_all.rng');
const hasPages = existsSync(PAGES);
const hasJing = spawnSync('jing', [], { encoding: 'utf8' }).error === undefined && existsSync(TEI_ALL);

/** Each page, the elements its signs must give, and passages of the page (as its reader sees them) every rendering must reproduce. */
const CASES: Array<{ page: string; elements: RegExp[]; passages: string[] }> = [
  {
    page: 'zinoviev_works_x01_x01.htm',
    elements: [/expansionism \[<gap reason="omitted"><desc>…<\/desc><\/gap>\] is the heir/, /It \[<supplied>capital<\/supplied>\] seeks/],
    passages: ['policy of expansionism […] is the heir of the old liberalism', 'It [capital] seeks to overcome', 'hundreds of millions [of francs].'],
  },
  {
    page: 'castoriadis_1964_bureaucracy.htm',
    elements: [/24 \[<unclear>1964<\/unclear>\?\]/, /the\[<supplied>se<\/supplied>\] term\[<supplied>s<\/supplied>\]/, /be \[<supplied><persName[^>]*>Isaac<\/persName><\/supplied>\] <persName/],
    passages: ['Solidarity Pamphlet, 24 [1964?], 18 pp.', 'in the full sense of the[se] term[s].', 'today be [Isaac] Deutscher', 'L[eon] Trotsky'],
  },
  {
    page: 'price_1922_02_genoa.html',
    elements: [/The pacifist <sic><persName[^>]*>Ghandi<\/persName><\/sic> \[<hi rend="italic">sic!<\/hi>\]/],
    passages: ['The pacifist Ghandi [sic!] has now complete control'],
  },
];

describe.skipIf(!hasPages)(`editorial signs in real pages, through every rendering${hasPages ? '' : ` — SKIPPED: ${PAGES} is missing`}`, () => {
  const work = mkdtempSync(path.join(tmpdir(), 'tei-press-signs-'));
  const built = new Map<string, { tei: string; teiFile: string; html: string; epub: string; archive: string }>();

  beforeAll(async () => {
    const batch = await buildEditions(
      CASES.map((item) => path.join(PAGES, item.page)),
      { outDir: work, formats: ['tei', 'html', 'epub', 'archive'], buildDate: '2025-01-02', jobs: 1, force: true },
    );
    for (const edition of batch.editions) {
      expect(edition.status, edition.messages.map((m) => m.reason).join('\n')).toBe('built');
      const file = (ending: string) => edition.outputs.find((output) => output.endsWith(ending) && (ending !== '.tei.xml' || !output.endsWith('.archive.tei.xml')))!;
      const entries = await epubEntries(readFileSync(file('.epub')));
      built.set(path.basename(edition.input), {
        tei: readFileSync(file('.tei.xml'), 'utf8'),
        teiFile: file('.tei.xml'),
        archive: file('.archive.tei.xml'),
        html: textOfMarkup(readFileSync(file('.html'), 'utf8')).replaceAll('\u00AD', ''),
        epub: [...entries].filter(([name]) => name.endsWith('.xhtml')).map(([, text]) => textOfMarkup(text)).join(' '),
      });
    }
  }, 300_000);

  for (const { page, elements, passages } of CASES) {
    it(`${page}: the signs are TEI elements and the page's characters are in the print HTML and the EPUB as they were`, () => {
      const edition = built.get(page)!;
      for (const element of elements) expect(edition.tei).toMatch(element);
      for (const passage of passages) {
        expect(edition.html, `print HTML: ${passage}`).toContain(passage);
        expect(edition.epub, `EPUB: ${passage}`).toContain(passage);
      }
      // No bracket of the renderings' own beside the page's.
      expect(edition.html).not.toMatch(/\[\[|\]\]/);
      expect(edition.epub).not.toMatch(/\[\[|\]\]/);
    });
  }

  it.skipIf(!hasJing)(`gives TEI and archival TEI valid against tei_all (Jing)${hasJing ? '' : ' — SKIPPED: jing or tei_all.rng missing'}`, () => {
    const run = spawnSync('jing', [TEI_ALL, ...[...built.values()].flatMap((edition) => [edition.teiFile, edition.archive])], { encoding: 'utf8' });
    expect(`${run.stdout}${run.stderr}`.split('\n').filter((line) => line.trim() && !line.startsWith('[warning]'))).toEqual([]);
  }, 120_000);
});
