/**
 * One input to its TEI: the stages in order, then the edition TEI validated.
 * The batch (`batch/`) and the library entry point (`build.ts`) both build on
 * this; it imports neither.
 */
import type { Place } from './messages.js';
import type { Settings } from './settings.js';
import { teiDocument, teiStages, type Edition } from './stages.js';
import { prepareValidation, validateTei } from './validate/index.js';
import { sourcePlaceMapper } from './validate/places.js';
import { sourcePlaces } from './tei/serialize.js';
import { xsltEngine } from './xslt-engine/index.js';

/** Runs the TEI stages on one input and validates the result. */
export async function buildTei(edition: Edition, settings: Settings): Promise<void> {
  // The schema compiles in its own thread while the stages run (unless the engine checks it itself).
  prepareValidation(xsltEngine(settings.engine));
  for (const stage of teiStages) await stage(edition, settings);
  await validateEditionTei(edition, settings);
}

/**
 * Validates the edition's serialised TEI. The Schematron rules read the same
 * SaxonJS tree the XSLT writers then share; a problem is reported at its
 * place in the TEI and at the line of the input it came from.
 */
export async function validateEditionTei(edition: Edition, settings: Settings): Promise<void> {
  let sourceOf: ((place: Place) => Place | undefined) | undefined;
  const engine = xsltEngine(settings.engine);
  await validateTei(edition.teiXml!, edition.log, {
    teiAll: settings.teiAll,
    label: 'TEI',
    document: () => teiDocument(edition, engine),
    engine,
    sourcePlace: (place) => (sourceOf ??= sourcePlaceMapper(edition.teiXml!, sourcePlaces(edition.teiLayout ?? [])))(place),
  });
}
