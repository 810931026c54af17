/** The `tei` format: the edition's TEI as it was built and validated. */
import type { Writer } from './writer.js';

export const write: Writer = async (edition, { slug }) => [{ name: `${slug}.tei.xml`, data: edition.teiXml! }];
