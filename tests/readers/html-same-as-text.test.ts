/**
 * Issue 4: the same article as an HTML page and as plain text gives the same
 * TEI header and body. The HTML pages are written by hand in the archives'
 * markup (ETOL for the seed, MIA for a corpus text); the TEI of both forms is
 * compared whole, after the stages a build runs.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { MessageLog } from '../../pipeline/messages.js';
import { decodeInput } from '../../pipeline/readers/decode.js';
import { detectFormat, loadReader } from '../../pipeline/readers/index.js';
import { assembleTei } from '../../pipeline/tei/assemble.js';
import { serializeTei } from '../../pipeline/tei/serialize.js';

/** The TEI of one input, as the read and assemble stages make it (same edition facts for both forms). */
async function teiOf(file: string): Promise<{ xml: string; log: MessageLog }> {
  const log = new MessageLog(file);
  const { text } = decodeInput(readFileSync(file), log);
  const read = (await loadReader(detectFormat(file, text)))(text, log);
  const xml = serializeTei(assembleTei(read, { buildDate: '2026-01-01', toolVersion: 'test', sourceFile: 'article' }));
  return { xml, log };
}

const CASES = [
  { name: 'the seed (ETOL markup, windows-1252 declared, entities)', html: 'tests/fixtures/html/seed-etol/input.htm', text: 'seeds/wright-1941-soviet-union-at-war.txt' },
  { name: 'a corpus text (MIA markup, raw windows-1252 bytes, unlabelled source line)', html: 'tests/fixtures/html/connolly-mia/input.htm', text: '../shared/corpus/connolly-1899-south-african-war.txt' },
];

describe('one article as HTML and as plain text', () => {
  for (const { name, html, text } of CASES) {
    it(`gives the same TEI: ${name}`, async () => {
      const fromHtml = await teiOf(html);
      const fromText = await teiOf(text);
      expect(detectFormat(html, readFileSync(html, 'latin1'))).toBe('html');
      expect(fromHtml.xml).toBe(fromText.xml);
      expect(fromHtml.log.messages.filter((message) => message.severity !== 'info')).toEqual([]);
    });
  }
});
