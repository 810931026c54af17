/** Test helper: the TEI the pipeline makes of a plain text, with fixed edition facts (no clock, no package version). */
import { MessageLog } from '../../pipeline/messages.js';
import type { ReadResult } from '../../pipeline/model.js';
import { readText } from '../../pipeline/readers/text.js';
import { assembleTei } from '../../pipeline/tei/assemble.js';
import { serializeTei } from '../../pipeline/tei/serialize.js';
import type { Root } from '../../pipeline/tei/tree.js';

export function teiOfText(text: string, file = 'input.txt'): { xml: string; tei: Root; read: ReadResult; log: MessageLog } {
  const log = new MessageLog(file);
  const read = readText(text, log);
  const tei = assembleTei(read, { buildDate: '2000-01-01', toolVersion: 'golden', sourceFile: file });
  return { xml: serializeTei(tei), tei, read, log };
}
