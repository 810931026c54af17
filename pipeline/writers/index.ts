/**
 * The registry of output formats: a name to one writer (Pandoc's Writers.hs).
 * Writers start from the serialised TEI and return files; they never write to
 * disk themselves, so a failed build leaves nothing half-written.
 */
import type { Edition } from '../stages.js';
import type { OutputFormat, Settings } from '../settings.js';
import { runStylesheet } from './xslt.js';
import { packageEpub } from './epub.js';
import { validateTei } from '../validate/index.js';
import { writePdf } from './pdf.js';
import { writeBag } from './bag.js';
import { editionDate } from '../stages.js';
import { reviewHtml, reviewItemsOf, reviewJson, titleOfTei } from '../enrich/review.js';

/** One file of an edition, with its name inside the edition folder. */
export interface OutputFile {
  name: string;
  data: string | Uint8Array;
}

export interface WriterContext {
  slug: string;
  settings: Settings;
  /** The files the writers that ran before this one made in the same build (the `bag` writer packs them). */
  outputs?: readonly OutputFile[];
}

export type Writer = (edition: Edition, context: WriterContext) => Promise<OutputFile[]>;

export const writers: Record<OutputFormat, Writer> = {
  tei: async (edition, { slug }) => [{ name: `${slug}.tei.xml`, data: edition.teiXml! }],
  html: async (edition, { slug }) => [{ name: `${slug}.html`, data: runStylesheet('html', edition.teiXml!, { slug }).principal }],
  archive: async (edition, { slug, settings }) => {
    const archive = runStylesheet('archive', edition.teiXml!, { slug }).principal;
    await validateTei(archive, edition.log, { teiAll: settings.teiAll, label: `${slug}.archive.tei.xml` });
    return [{ name: `${slug}.archive.tei.xml`, data: archive }];
  },
  epub: async (edition, { slug }) => [{ name: `${slug}.epub`, data: await packageEpub(runStylesheet('epub', edition.teiXml!, { slug })) }],
  review: async (edition, { slug }) => {
    const items = reviewItemsOf(edition);
    const title = titleOfTei(edition.tei);
    const source = edition.path.split(/[\\/]/).pop()!;
    return [
      { name: `${slug}.review.json`, data: reviewJson(title, source, items) },
      { name: `${slug}.review.html`, data: reviewHtml(title, source, items) },
    ];
  },
  // The PDF is printed from exactly what the html writer makes (rerunning it costs milliseconds).
  pdf: async (edition, context) =>
    writePdf(await writers.html(edition, context), context.slug, {
      chromium: context.settings.chromium,
      date: editionDate(edition, context.settings),
      log: edition.log,
    }),
  bag: async (edition, { slug, settings, outputs = [] }) =>
    writeBag({
      slug,
      source: { name: edition.path, bytes: edition.bytes },
      outputs,
      tei: edition.tei,
      date: editionDate(edition, settings),
      toolVersion: settings.toolVersion,
    }),
};
