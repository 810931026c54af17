/**
 * The HTML reader's header (issue 9, items 1–4): the header forms of the
 * archive's pages, each as a small page written for the test (not copied from
 * a development page), and what the TEI header and the slug make of them.
 */
import { describe, expect, it } from 'vitest';
import { toXml } from 'xast-util-to-xml';
import { MessageLog } from '../../pipeline/messages.js';
import { readHtml } from '../../pipeline/readers/html/index.js';
import { parseByline, parsePageTitle } from '../../pipeline/readers/html/header.js';
import { parseDateExpression } from '../../pipeline/readers/header-lines.js';
import { assembleTei } from '../../pipeline/tei/assemble.js';
import { slugOf, surnameOf } from '../../pipeline/slug.js';
import { pseudonymsOf, rightsStatements, workDate } from '../../pipeline/work-facts.js';

function read(body: string, head = '<title>Page</title>') {
  const log = new MessageLog('page.htm');
  const result = readHtml(`<html><head>${head}</head><body>${body}</body></html>`, log);
  const tei = toXml(assembleTei(result, { buildDate: '2026-01-01', toolVersion: 'test', sourceFile: 'page.htm' }));
  return { meta: result.meta, body: result.body, log, tei, slug: slugOf(result.meta, 'page.htm') };
}

const TEXT = '<p>The first paragraph of the text itself, long enough to be read as prose by any reader of the page.</p><p>A second paragraph.</p>';

describe('where the header ends and what each block is', () => {
  it('reads breadcrumbs, h2 author, h1 title, h3 dateline and a p.info block between hr.infotop and hr.infobot', () => {
    const { meta, slug } = read(`<p class="toplink"><a href="../index.htm">MIA</a> &gt; <a href="x">Archive</a> &gt; <a href="y">Smith</a></p><p>&#160;</p>
      <h2>Jane Smith</h2><h1>On Strikes</h1><h3>(14 March 1921)</h3><hr class="infotop">
      <p class="info">From <b>The Worker</b>, Vol. 2 No. 3, 14 March 1921, p. 4.<br>Transcribed by Ann Lee.<br>Marked up by Bob Roe for the Marxists’ Internet Archive.</p><hr class="infobot">${TEXT}`);
    expect(meta.breadcrumbs.map((line) => line.text)).toEqual(['MIA > Archive > Smith']);
    expect(meta.authors.map((line) => line.text)).toEqual(['Jane Smith']);
    expect(meta.title.map((line) => line.text)).toEqual(['On Strikes']);
    expect(meta.dateLine?.date?.iso).toBe('1921-03-14');
    expect(meta.source?.journal).toBe('The Worker');
    expect(meta.transcription?.names).toEqual(['Ann Lee']);
    expect(meta.transcription?.markup).toEqual(['Bob Roe']);
    expect(slug).toBe('smith-1921-on-strikes');
  });

  it('reads a p.title byline with a year glued on, and a title that is only an h3', () => {
    const { meta, tei } = read(`<p class="title">Antonia Rossi 1921</p><h3>The tactic of waiting</h3><hr class="end">
      <p class="information"><span class="info">First Published</span>: L’Ordine Nuovo, 22 September 1921;<br><span class="info">Translated</span>: by Ben W.</p><hr class="end">${TEXT}`);
    expect(meta.authors[0]?.names).toEqual(['Antonia Rossi']);
    expect(meta.title.map((line) => line.text)).toEqual(['The tactic of waiting']);
    expect(meta.firstPublished?.journal).toBe('L’Ordine Nuovo');
    expect(workDate(meta)?.date.iso).toBe('1921-09-22');
    expect(tei).toContain('<author>Antonia Rossi</author>');
    expect(tei).toContain('<title level="j">L’Ordine Nuovo</title>');
    expect(tei).toContain('<name>Ben W.</name>');
  });

  it('takes a collection over a chapter title after a rule, and the chapter as the title', () => {
    const { meta } = read(`<h4>John A. Hobbs</h4><h3>Imperialism, A Study</h3><hr class="section"><h1>Introductory</h1>${TEXT}<h4>Later</h4><p>More.</p>`);
    expect(meta.authors.map((line) => line.text)).toEqual(['John A. Hobbs']);
    expect(meta.collection?.map((line) => line.text)).toEqual(['Imperialism, A Study']);
    expect(meta.title.map((line) => line.text)).toEqual(['Introductory']);
  });

  it('reads a title set inside a layout table, and the text after it', () => {
    const { meta, body } = read(`<h2>Julius Marten</h2><table><tr><td><h1>The Ideology of “Councils”</h1><h3>(1919)</h3></td></tr></table>
      <hr class="infotop"><p class="info">First published in <b>Mysl</b>, Kharkov 1919.</p><hr class="infobot"><h4>Part One</h4>${TEXT}`);
    expect(meta.title.map((line) => line.text)).toEqual(['The Ideology of “Councils”']);
    expect(meta.dateLine?.date?.iso).toBe('1919');
    expect(meta.firstPublished?.journal).toBe('Mysl');
    expect(body[0]?.children[0]).toMatchObject({ name: 'head' });
  });

  it('keeps a newspaper rubric over the title apart from the author', () => {
    const { meta } = read(`<h2>Evelyn Ray</h2><h4>The Colonies</h4><h1>A Leader of Peasants</h1><h3>(1 September 1922)</h3><hr>${TEXT}`);
    expect(meta.authors.map((line) => line.text)).toEqual(['Evelyn Ray']);
    expect(meta.title.map((line) => line.text)).toEqual(['A Leader of Peasants']);
    expect(meta.otherFrontLines.map((line) => line.text)).toContain('The Colonies');
  });

  it('ends the header before a section heading that recurs in the text', () => {
    const { meta, body } = read(`<span class="title">N.I. Bukarin: A System of Sociology</span><hr class="section"><h3>4: Society</h3><h4>a. Aggregates</h4>${TEXT}<h4>b. Systems</h4><p>More.</p>`);
    expect(meta.title.map((line) => line.text)).toEqual(['4: Society']);
    expect(meta.subtitle).toEqual([]);
    expect(meta.authors[0]?.names).toEqual(['N.I. Bukarin']);
    expect(body.length).toBe(2);
  });

  it('splits joint authors and drops "et al." from the names, not from the line', () => {
    const { meta, tei } = read(`<h2>Pierre Roux, Daniel Benoit et al.</h2><h1>From One Party to Another</h1>${TEXT}`);
    expect(meta.authors[0]?.text).toBe('Pierre Roux, Daniel Benoit et al.');
    expect(meta.authors[0]?.names).toEqual(['Pierre Roux', 'Daniel Benoit']);
    expect(tei).toContain('<docAuthor>Pierre Roux, Daniel Benoit et al.</docAuthor>');
  });
});

describe('the page title, rights, dates and footer', () => {
  it('falls back to <title> for title and author with warnings, and never takes a chapter number there for a date', () => {
    const { meta, log } = read(`<p><a href="index.htm">Index</a></p>${TEXT}`, '<title>Karla Zeller: Through Councils to Democracy (1919)</title>');
    expect(meta.title.map((line) => line.text)).toEqual(['Through Councils to Democracy']);
    expect(meta.authors[0]?.names).toEqual(['Karla Zeller']);
    expect(log.messages.map((message) => message.ruleId)).toEqual(expect.arrayContaining(['read:title-fallback', 'read:author-fallback']));
    expect(workDate(meta)?.evidence).toBe('page-title');
    expect(parsePageTitle('H.M. Hynes: Commercial Crises (9. The Crisis of 1890)').date).toBeUndefined();
  });

  it('states rights as the page does: Public Domain and Creative Commons free (with the licence address), © restricted, none unknown', () => {
    const free = read(`<h2>Ann Lee</h2><h1>Title</h1><hr><p class="information"><span class="info">Source:</span> The Call, 1920<br><span class="info">Public Domain:</span> Marxists Internet Archive (2007). You may freely copy this work.</p><hr>${TEXT}`);
    expect(free.tei).toContain('<availability status="free">');
    const cc = read(`<h2>Ann Lee</h2><h1>Title</h1><hr><p class="information">Copyleft: <a href="https://creativecommons.org/licenses/by-sa/2.0/">Creative Commons (Attribution-ShareAlike)</a></p><hr>${TEXT}`);
    expect(cc.tei).toContain('<licence target="https://creativecommons.org/licenses/by-sa/2.0/">');
    const copyright = read(`<h2>Ann Lee</h2><h1>Title</h1><hr class="infotop"><p class="info">From <b>Socialist Review</b>, No.275, June 2003.<br>Copyright © <b>Socialist Review</b>.</p><hr class="infobot">${TEXT}`);
    expect(copyright.tei).toContain('<availability status="restricted">');
    expect(rightsStatements(copyright.meta).map((statement) => statement.status)).toEqual(['restricted']);
    expect(read(`<h2>Ann Lee</h2><h1>Title</h1>${TEXT}`).tei).toContain('<availability status="unknown">');
  });

  it('dates the work by Written or First Published, never by a book edition the text was taken from', () => {
    const book = read(`<h2>Vladimir Lenin</h2><h1>A Speech</h1><hr><p class="information">Source: Collected Works, Progress Publishers, Moscow, 1977, Volume 31, pages 144-151</p><hr>${TEXT}`);
    expect(workDate(book.meta)).toBeUndefined();
    expect(book.slug).toBe('lenin-speech');
    const written = read(`<h2>Vladimir Lenin</h2><h1>A Speech</h1><hr><p class="information">Written: 5 June, 1920<br>Source: Collected Works, Progress Publishers, Moscow, 1977</p><hr>${TEXT}`);
    expect(workDate(written.meta)?.date.iso).toBe('1920-06-05');
    expect(written.slug).toBe('lenin-1920-speech');
  });

  it('dates a speech by the delivery a note on its title states, not by its later printing', () => {
    const page = (note: string) =>
      read(
        `<h2>Jane Speaker</h2><h1>A Speech<sup><a href="#n1" name="r1">1</a></sup></h1><hr><p class="information">Source: <em>The Monthly</em>, Vol. 2, May 1942, No. 3.</p><hr>${TEXT}` +
          `<h3>Notes</h3><p><a href="#r1" name="n1">1.</a> ${note}</p>`,
      );
    const speech = page('From the speech delivered by Jane Speaker to a conference in London on January 25, 1942.');
    expect(workDate(speech.meta)).toMatchObject({ evidence: 'occasion', date: { iso: '1942-01-25' } });
    expect(speech.tei).toContain('<creation><date when="1942-01-25">January 25, 1942</date></creation>');
    // A note that dates something else, or only to the year, or after the printing, leaves the printing's date.
    expect(workDate(page('The conference was called by the Trades Council in 1942.').meta)?.evidence).toBe('periodical');
    expect(workDate(page('The speech was reprinted in pamphlet form in June 1943.').meta)?.date.iso).toBe('1942-05');
  });

  it('keeps a pseudonym as the author printed and records the writer the page names', () => {
    const page = read(`<h2>William F. Warde</h2><h1>Roosevelt After the Battle</h1><hr><p class="information">Source: <em>Fourth International</em>, August 1940.<br>(William F. Warde was a pseudonym of George Novack.)</p><hr>${TEXT}`);
    expect(pseudonymsOf(page.meta)).toMatchObject([{ pseudonym: 'William F. Warde', person: 'George Novack' }]);
    expect(page.tei).toContain('<author>William F. Warde</author><respStmt><resp>Author, writing as William F. Warde</resp><persName>George Novack</persName></respStmt>');
    const initials = read(`<h2>J.R. Johnson</h2><h1>A Title</h1><p class="information">J.R. Johnson (pseudonym of C.L.R. James)</p>${TEXT}`);
    expect(pseudonymsOf(initials.meta)).toMatchObject([{ pseudonym: 'J.R. Johnson', person: 'C.L.R. James' }]);
    // A pseudonym of someone who is not the author on the page, or no statement at all, records nothing.
    expect(pseudonymsOf(read(`<h2>Jane Doe</h2><h1>A Title</h1><p class="information">Source: X, 1940.</p>${TEXT}`).meta)).toEqual([]);
    expect(pseudonymsOf(read(`<h2>Jane Doe</h2><h1>A Title</h1><p class="information">Bill Smith was a pseudonym of Tom Jones.</p>${TEXT}`).meta)).toEqual([]);
  });

  it('reads the information blocks of the archive’s other language sections', () => {
    const spanish = read(
      `<h2>Rosa Luxemburg</h2><h1>El orden reina en Berlín</h1><hr><p class="information"><span class="info">Escrito:</span> 14 de enero de 1919.<br><span class="info">Fuente:</span> <em>Die Rote Fahne</em>, 14 de enero de 1919.<br><span class="info">Traducción:</span> Juan Pérez.<br><span class="info">Digitalización:</span> María López, 2003.</p><hr>${TEXT}`,
    );
    expect(workDate(spanish.meta)).toMatchObject({ evidence: 'written', date: { iso: '1919-01-14' } });
    expect(spanish.meta.source?.journal).toBe('Die Rote Fahne');
    expect(spanish.meta.transcription?.names).toEqual(['María López']);
    expect(spanish.tei).toContain('<resp>Translation</resp><name>Juan Pérez</name>');
    const german = read(`<h2>Rosa Luxemburg</h2><h1>Die Ordnung herrscht in Berlin</h1><hr><p class="information">Erstveröffentlicht: <em>Die Rote Fahne</em>, 14. Januar 1919.<br>Transkription: Hans Meier.</p><hr>${TEXT}`);
    expect(workDate(german.meta)?.date.iso).toBe('1919-01-14');
    expect(german.meta.transcription?.names).toEqual(['Hans Meier']);
    const icelandic = read(`<h2>Rósa Lúxembúrg</h2><h1>Röð og regla</h1><hr><p class="information"><strong>Skrifaður:</strong> í 14-1-1919.<br><strong>Stafrænn texti við:</strong> Jón Jónsson.</p><hr>${TEXT}`);
    expect(workDate(icelandic.meta)?.date.iso).toBe('1919-01-14');
    expect(icelandic.meta.transcription?.names).toEqual(['Jón Jónsson']);
  });

  it('reads periods and Old Style/New Style datelines', () => {
    expect(parseDateExpression('(April–June 1938)')).toMatchObject({ from: '1938-04', to: '1938-06' });
    expect(parseDateExpression('12–14 May 1921')).toMatchObject({ from: '1921-05-12', to: '1921-05-14' });
    expect(parseDateExpression('14 (27) December 1917')).toMatchObject({ iso: '1917-12-27', julian: '1917-12-14' });
    expect(parseDateExpression('31 January (13 February) 1918')).toMatchObject({ iso: '1918-02-13', julian: '1918-01-31' });
    const { tei } = read(`<h2>V. Ilyin</h2><h1>To the Workers</h1><h3>(14 (27) December 1917)</h3>${TEXT}`);
    expect(tei).toContain('<docDate when="1917-12-27" when-custom="1917-12-14" datingMethod="#julian">');
    expect(tei).toContain('<calendar xml:id="julian">');
  });

  it('reads the last update in any paragraph at the foot and leaves navigation to the back', () => {
    const { meta, body } = read(`<h2>Ann Lee</h2><h1>Title</h1>${TEXT}<table><tr><td><a href="../index.htm"><img src="x.gif" alt="Index"></a></td><td><a href="#top">Top</a></td></tr></table><p class="inline">Last updated on 8.8.04</p>`);
    expect(meta.lastUpdated?.text).toBe('Last updated on 8.8.04');
    expect(meta.backLines.map((line) => line.text).join(' ')).toContain('Top');
    expect(body.flatMap((div) => div.children).length).toBe(2);
  });
});

describe('bylines and surnames', () => {
  it('tells names from roles, collections and years', () => {
    expect(parseByline('Arthur Horner (President of the South Wales Miners’ Federation)', {})?.names).toEqual(['Arthur Horner']);
    expect(parseByline('Albert Inkpin Secretary of the British Socialist Party', {})?.names).toEqual(['Albert Inkpin']);
    expect(parseByline('Democracy with a Tommygun by Wilfred Burchett', {})).toMatchObject({ names: ['Wilfred Burchett'], collection: 'Democracy with a Tommygun' });
    expect(parseByline('The Trade Unions: Theory and Practice, Lance Sharkey. 1961', {})).toMatchObject({ names: ['Lance Sharkey'], year: { iso: '1961' } });
    expect(parseByline('T. H. Wintringham & Bert ‘Yank’ Levy', {})?.names).toEqual(['T. H. Wintringham', 'Bert ‘Yank’ Levy']);
    expect(parseByline('The Road to Power', {})).toBeUndefined();
  });

  it('keeps surname particles in the slug', () => {
    expect(surnameOf('Daniel De Leon')).toBe('De Leon');
    expect(surnameOf('Ludwig von Mises')).toBe('von Mises');
    expect(surnameOf('Rosa Luxemburg')).toBe('Luxemburg');
    expect(read(`<h2>Daniel De Leon</h2><h1>Reform or Revolution</h1><h3>(1896)</h3>${TEXT}`).slug).toBe('de-leon-1896-reform-or-revolution');
  });
});
