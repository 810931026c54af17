/**
 * The EPUB's entries are deflated in one call and handed to JSZip already
 * compressed (issue 15): the archive is byte for byte the one JSZip makes
 * when it deflates them itself, in 16 KB chunks, for texts, pages, fonts,
 * empty and odd-sized entries.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { packageEpub } from '../pipeline/writers/epub.js';
import { bundledFace } from '../pipeline/render/fonts.js';
import { teiOfText } from './readers/tei-of-text.js';

const ZIP_DATE = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));
const CONTAINER = readFileSync(path.resolve('pipeline/writers/epub.ts'), 'utf8').match(/const CONTAINER = `([^`]*)`/)![1]!;

/** The archive as JSZip makes it with its own compression (packageEpub before issue 15). */
async function byJszip(documents: Map<string, string>, extra: Map<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('mimetype', 'application/epub+zip', { compression: 'STORE', date: ZIP_DATE });
  zip.file('META-INF/container.xml', CONTAINER, { date: ZIP_DATE, createFolders: false });
  const files = new Map<string, string | Uint8Array>([...documents, ...extra]);
  for (const name of [...files.keys()].sort()) {
    const data = files.get(name)!;
    zip.file(name, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, { date: ZIP_DATE, createFolders: false });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 }, mimeType: 'application/epub+zip' });
}

/** Text of a given length from a seed string, with non-ASCII characters in it. */
function textOfLength(source: string, length: number): string {
  let out = '';
  while (out.length < length) out += source;
  return out.slice(0, length);
}

const SHARED_PAGES = path.resolve('../shared/corpus-html');

describe('the EPUB archive', () => {
  it('is the one JSZip makes itself, for the seed’s TEI, fonts and entries of every awkward size', async () => {
    const tei = teiOfText(readFileSync('seeds/wright-1941-soviet-union-at-war.txt', 'utf8')).xml;
    const documents = new Map<string, string>([
      ['OEBPS/text-01.xhtml', tei],
      ['OEBPS/empty.xhtml', ''],
      ['OEBPS/one.txt', 'x'],
      ['OEBPS/chunk.txt', textOfLength(tei, 16_384)],
      ['OEBPS/chunk-plus.txt', textOfLength(tei, 16_385)],
      ['OEBPS/accents.txt', textOfLength('Röð og regla — “quotes” 𝔄 ', 70_000)],
      ['OEBPS/repeats.txt', 'a'.repeat(300_000)],
    ]);
    const face = bundledFace();
    const extra = new Map<string, string | Uint8Array>(face.files.map((file) => [`OEBPS/fonts/${file.name}`, file.data]));
    extra.set('OEBPS/fonts/OFL.txt', face.licence);
    let noise = 12345;
    extra.set('OEBPS/noise.bin', Uint8Array.from({ length: 50_000 }, () => (noise = (noise * 1103515245 + 12345) >>> 0) >>> 24));
    const output = { principal: '', documents, messages: [] };
    const ours = await packageEpub(output, extra);
    expect(Buffer.from(ours).equals(Buffer.from(await byJszip(documents, extra)))).toBe(true);
    expect(Object.keys((await JSZip.loadAsync(ours)).files)).toContain('OEBPS/fonts/OFL.txt');
  });

  it.skipIf(!existsSync(SHARED_PAGES))(`is the one JSZip makes for every page of ../shared/corpus-html as entries${existsSync(SHARED_PAGES) ? '' : ` (skipped: ${SHARED_PAGES} is absent)`}`, async () => {
    const documents = new Map(readdirSync(SHARED_PAGES).sort().map((name) => [`OEBPS/${name}`, readFileSync(path.join(SHARED_PAGES, name), 'latin1')]));
    expect(documents.size).toBeGreaterThanOrEqual(71);
    const ours = await packageEpub({ principal: '', documents, messages: [] });
    expect(Buffer.from(ours).equals(Buffer.from(await byJszip(documents, new Map())))).toBe(true);
  }, 120_000);
});
