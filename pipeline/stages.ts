/**
 * The stages of a build, as small functions composed in a list (unified's
 * shape). Each stage reads and writes the {@link Edition} that travels with the
 * tree; a stage that finds the input unusable throws an InputError.
 */
import { checkHtmlNesting, decodeInput, reportBadCharacterReferences } from './readers/decode.js';
import { detectFormat, loadReader } from './readers/index.js';
import { assembleTei } from './tei/assemble.js';
import { layoutTei, writeLayout } from './tei/serialize.js';
import { markLanguage } from './enrich/language.js';
import { markQuotations } from './enrich/quotes.js';
import { markDates } from './enrich/dates.js';
import { markEntities } from './enrich/entities.js';
import { markEditorialSigns } from './enrich/editorial-signs.js';
import { applyErrata } from './enrich/errata.js';
import { listSlips } from './enrich/slips.js';
import { xsltEngine, type EngineDocument, type XsltEngine } from './xslt-engine/index.js';
import type { Edition, Stage } from './edition.js';
import type { Settings } from './settings.js';

export type { Edition, Stage } from './edition.js';

/**
 * The serialised TEI made ready for the engine's transforms (SaxonJS's tree),
 * on first use and then shared: validation and every XSLT writer read it.
 * SaxonJS builds it from the nodes it was written from, the same tree as
 * parsing `teiXml` gives (tests/saxon-tree.test.ts).
 */
export function teiDocument(edition: Edition, engine: XsltEngine = xsltEngine()): EngineDocument {
  if (edition.teiDocument?.engine !== engine.name) edition.teiDocument = engine.document(edition.teiXml!, edition.teiLayout);
  return edition.teiDocument;
}

export const decode: Stage = (edition) => {
  edition.text = decodeInput(edition.bytes, edition.log).text;
};

export const read: Stage = async (edition, settings) => {
  const text = edition.text!;
  edition.format = settings.from ?? detectFormat(edition.path, text);
  if (edition.format === 'html') {
    checkHtmlNesting(text, edition.log);
    reportBadCharacterReferences(text, edition.log);
  }
  edition.read = (await loadReader(edition.format))(text, edition.log);
};

export const assemble: Stage = (edition, settings) => {
  edition.tei = assembleTei(edition.read!, {
    // The edition's date: --build-date, else SOURCE_DATE_EPOCH, else today (resolveBuildDate), never the page's
    // "Last updated" date. The TEI states it; writers read it from there (artifact.ts).
    buildDate: settings.buildDate,
    toolVersion: settings.toolVersion,
    sourceFile: edition.path.split(/[\\/]/).pop()!,
    edition: settings.edition,
  });
};

export const serialize: Stage = (edition) => {
  edition.teiLayout = layoutTei(edition.tei!);
  edition.teiXml = writeLayout(edition.teiLayout);
};

/** The stages that turn input bytes into serialised TEI, in order. */
export const teiStages: Stage[] = [decode, read, assemble, markLanguage, markQuotations, markDates, markEntities, markEditorialSigns, applyErrata, listSlips, serialize];
