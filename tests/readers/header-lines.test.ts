/** The header-line parsers, each on the variants archive pages use (issue 2, item 2). */
import { describe, expect, it } from 'vitest';
import {
  findDate,
  isDateLine,
  isTranscriptionLine,
  parseDateLine,
  parseInfoField,
  parseLastUpdated,
  parseSourceLine,
  parseTranscriptionLine,
  splitCredit,
  rightsStatus,
} from '../../pipeline/readers/header-lines.js';

const line = (text: string, n = 1) => ({ text, line: n });

describe('dates', () => {
  it.each([
    ['(August 1941)', '1941-08'],
    ['(3 October 1949)', '1949-10-03'],
    ['(1959)', '1959'],
    ['19 August, 1899.', '1899-08-19'],
    ['July 23, 1921. Moscow.', '1921-07-23'],
    ['Sept. 1938', '1938-09'],
    ['27.9.2004', '2004-09-27'],
    ['19.1.2007', '2007-01-19'],
  ])('%s → %s', (text, iso) => {
    expect(findDate(text)?.iso).toBe(iso);
  });

  it('refuses days that do not exist and falls back to what is certain', () => {
    expect(findDate('31 February 1940')?.iso).toBe('1940-02');
    expect(findDate('no date here')).toBeUndefined();
  });

  it('knows a dateline from a bracketed remark', () => {
    expect(isDateLine('(August 1941)')).toBe(true);
    expect(isDateLine('(1959)')).toBe(true);
    expect(isDateLine('(a note from the editors)')).toBe(false);
    expect(parseDateLine('(3 October 1949)')?.text).toBe('3 October 1949');
  });
});

describe('last updated', () => {
  it.each([
    ['Last updated: 28 May 2016', '2016-05-28'],
    ['Last updated on 27.9.2004', '2004-09-27'],
    ['Last updated on: 19.1.2007', '2007-01-19'],
    ['Last updated on 11.8.2003', '2003-08-11'],
  ])('%s → %s', (text, iso) => {
    expect(parseLastUpdated(text)?.iso).toBe(iso);
  });
  it('is not fooled by running text', () => {
    expect(parseLastUpdated('The last time we met, in 1917')).toBeUndefined();
  });
});

describe('source lines', () => {
  it('reads the seed’s line', () => {
    const source = parseSourceLine(line('From Fourth International, Vol. 2 No. 7, August 1941, pp.\u00A0217–221.'));
    expect(source).toMatchObject({
      journal: 'Fourth International',
      volume: '2',
      volumeNumber: '2',
      issue: '7',
      date: { iso: '1941-08' },
      pages: { from: '217', to: '221' },
      kind: 'periodical',
    });
  });

  it('reads roman volumes and a leading article in the title', () => {
    const source = parseSourceLine(line('From The New International, Vol. XI No. 4, May 1945, pp. 106–111.'));
    expect(source).toMatchObject({ journal: 'The New International', volume: 'XI', volumeNumber: '11', issue: '4', date: { iso: '1945-05' }, pages: { from: '106', to: '111' } });
  });

  it('reads a hyphen page range and a single page', () => {
    expect(parseSourceLine(line('From Fourth International, Vol. 6 No. 3, March 1945, pp. 75-78.')).pages).toMatchObject({ from: '75', to: '78' });
    const single = parseSourceLine(line('From Labour Action, Vol. 8 No. 12, 20 March 1944, p. 5.'));
    expect(single.pages).toMatchObject({ from: '5' });
    expect(single.pages?.to).toBeUndefined();
    expect(single.date?.iso).toBe('1944-03-20');
  });

  it('reads a newspaper citation without "From"', () => {
    expect(parseSourceLine(line("Workers' Republic, 19 August, 1899."))).toMatchObject({ journal: "Workers' Republic", date: { iso: '1899-08-19' } });
  });

  it('reads a book with edition, publisher and place', () => {
    const source = parseSourceLine(line('x'), "Lenin's Collected Works, 2nd English Edition, Progress Publishers, Moscow, 1965, Volume 31, pages 144-151");
    expect(source).toMatchObject({
      journal: "Lenin's Collected Works",
      kind: 'book',
      edition: '2nd English Edition',
      publisher: 'Progress Publishers',
      pubPlace: 'Moscow',
      volume: '31',
      date: { iso: '1965' },
      pages: { from: '144', to: '151' },
    });
  });
});

describe('transcription lines', () => {
  it('reads the seed’s credit', () => {
    const credit = parseTranscriptionLine(line('Transcribed & marked up by Einde O’Callaghan for the Encyclopaedia of Trotskyism On-Line (ETOL).'));
    expect(credit).toMatchObject({ names: ['Einde O’Callaghan'], archive: 'Encyclopaedia of Trotskyism On-Line (ETOL)' });
  });

  it('splits names on & and and, and reads the year', () => {
    const credit = parseTranscriptionLine(line('Transcribed, marked up & formatted by Ted Crawford & Sally Ryan in 2008 for ETOL.'));
    expect(credit).toMatchObject({ names: ['Ted Crawford', 'Sally Ryan'], year: '2008', archive: 'ETOL' });
    expect(parseTranscriptionLine(line('Transcribed by The James Connolly Society in 1997.'))).toMatchObject({ names: ['The James Connolly Society'], year: '1997' });
    expect(parseTranscriptionLine(line('Transcription: Jan Smit and Paul Brown')).names).toEqual(['Jan Smit', 'Paul Brown']);
  });

  it('keeps a publisher named with "and" whole, and leaves out what each transcriber did', () => {
    expect(parseTranscriptionLine(line('Transcription: Marxist-Leninist Translations and Reprints')).names).toEqual(['Marxist-Leninist Translations and Reprints']);
    expect(parseTranscriptionLine(line('Transcription: Mike Bessler (first part) and Daniel Gaido (second part);')).names).toEqual(['Mike Bessler', 'Daniel Gaido']);
  });

  it('leaves the dates stamped after names out of them, and splits the credits they separate', () => {
    expect(parseTranscriptionLine(line('Proofread: Mike B., August 2003, Zdravko, October 2005')).names).toEqual(['Mike B.', 'Zdravko']);
    expect(parseTranscriptionLine(line('Transcription: Harry 2007')).names).toEqual(['Harry']);
    expect(parseTranscriptionLine(line('Transcription: Graham Seaman (September 2015)')).names).toEqual(['Graham Seaman']);
    expect(splitCredit('Anthony Megremis, August 2003')).toEqual(['Anthony Megremis']);
  });

  it('reads labelled credits of information blocks', () => {
    expect(parseTranscriptionLine(line('Transcription\\HTML Markup: David Walters & R. Cymbala')).names).toEqual(['David Walters', 'R. Cymbala']);
    expect(parseTranscriptionLine(line("Transcription & HTML Mark-up: Einde O'Callaghan for the Marxists' Internet Archive."))).toMatchObject({
      names: ["Einde O'Callaghan"],
      archive: "Marxists' Internet Archive",
    });
    expect(isTranscriptionLine('Transcription\\HTML Markup: David Walters')).toBe(true);
    expect(isTranscriptionLine('Translated: Julius Katzer')).toBe(false);
  });
});

describe('information fields', () => {
  it('reads Label: value for the labels archive pages use', () => {
    expect(parseInfoField(line('Written: 5 June, 1920'))).toMatchObject({ label: 'Written', value: '5 June, 1920' });
    expect(parseInfoField(line('First Published: Published in June, 1920'))).toMatchObject({ label: 'First Published' });
    expect(parseInfoField(line('Copyleft: V. I. Lenin Internet Archive (www.marx.org) 2002.'))).toMatchObject({ label: 'Copyleft' });
  });
  it('does not take a sentence with a colon for a field', () => {
    expect(parseInfoField(line('We repeat, no conditions could be more unfavorable than these:'))).toBeUndefined();
    expect(parseInfoField(line('The lesson is plain: the workers must fight.'))).toBeUndefined();
  });
  it('states rights only from what the field says', () => {
    const copyleft = parseInfoField(line('Copyleft: Internet Archive 2002. Permission is granted to copy and/or distribute this document under the terms of the GNU Free Documentation License'))!;
    expect(rightsStatus(copyleft)).toBe('free');
    expect(rightsStatus(parseInfoField(line('Copyright: all rights reserved'))!)).toBe('restricted');
    expect(rightsStatus(parseInfoField(line('Rights: see the publisher'))!)).toBe('unknown');
  });
});
