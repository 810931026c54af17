/**
 * The `epub` format. Packages the files the EPUB stylesheet produced into an EPUB 3 container
 * with jszip: `mimetype` first and stored, then META-INF and OEBPS. We do not
 * use epub-gen-memory: it rewrites chapter markup (dropping attributes such as
 * `data-*` and `datetime`) and stamps a copyright and date of its own.
 */
import { createRequire } from 'node:module';
import { crc32 } from 'node:zlib';
import JSZip from 'jszip';
import { epubFiles, epubFontFiles } from './print-and-epub.js';
import type { Writer } from './writer.js';
import type { TransformOutput } from './xslt.js';

export { contentUuid } from './print-and-epub.js';

/** A fixed timestamp for every zip entry, so that the same input gives the same bytes. */
const ZIP_DATE = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;

/** JSZip's own pieces (jszip 3.10.2, pinned) for an entry whose deflated bytes are already made. */
interface PrecompressedParts {
  CompressedObject: new (compressedSize: number, uncompressedSize: number, crc32: number, compression: unknown, data: Uint8Array) => object;
  DEFLATE: unknown;
  deflateRaw: (data: Uint8Array, options: { level: number }) => Uint8Array;
}

let precompressedParts: PrecompressedParts | undefined;

function jszipParts(): PrecompressedParts {
  if (precompressedParts) return precompressedParts;
  const fromJszip = createRequire(createRequire(import.meta.url).resolve('jszip'));
  precompressedParts = {
    CompressedObject: fromJszip('./compressedObject'),
    DEFLATE: fromJszip('./compressions').DEFLATE,
    // The pako that JSZip deflates with, so the bytes are the ones it would make.
    deflateRaw: fromJszip('pako').deflateRaw,
  };
  return precompressedParts;
}

/** Compression level of every deflated entry. */
const LEVEL = 9;

/**
 * An entry's data as JSZip would deflate it at {@link LEVEL} (pako's raw
 * deflate; the same bytes whether fed whole or, as JSZip does, in chunks),
 * made here in one call, so that JSZip only writes it out: its streaming
 * compression (workers, a CRC in JavaScript) cost a third as much again as
 * the deflating (tests/epub-zip.test.ts compares the archives byte for byte).
 */
function deflated(data: Uint8Array): object | Uint8Array {
  if (data.length === 0) return data; // JSZip stores empty entries
  const { CompressedObject, DEFLATE, deflateRaw } = jszipParts();
  const compressed = deflateRaw(data, { level: LEVEL });
  return new CompressedObject(compressed.length, data.length, crc32(data), DEFLATE, compressed);
}

/** Zips the stylesheet's result documents (paths relative to the EPUB root) into an EPUB. */
export async function packageEpub(output: TransformOutput, extraFiles: Map<string, string | Uint8Array> = new Map()): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('mimetype', 'application/epub+zip', { compression: 'STORE', date: ZIP_DATE });
  // No folder entries: JSZip would stamp them with the clock, and the same input must give the same bytes.
  zip.file('META-INF/container.xml', CONTAINER, { date: ZIP_DATE, createFolders: false });
  const files = new Map<string, string | Uint8Array>([...output.documents, ...extraFiles]);
  for (const name of [...files.keys()].sort()) {
    const data = files.get(name)!;
    // Encoded by Node (native) rather than by JSZip's own UTF-8 encoder: the same bytes, about twice as fast.
    zip.file(name, deflated(typeof data === 'string' ? Buffer.from(data, 'utf8') : data) as Uint8Array, { date: ZIP_DATE, createFolders: false });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: LEVEL }, mimeType: 'application/epub+zip' });
}

/** The `epub` writer: xslt/epub.xsl's files (or book.xsl's, print-and-epub.ts), the bundled face and its licence, packaged. */
export const write: Writer = async (artifact, context) => {
  const output = await epubFiles(artifact, context);
  return [{ name: `${context.slug}.epub`, data: await packageEpub(output, epubFontFiles()) }];
};
