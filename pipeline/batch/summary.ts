/**
 * What the corpus pages need to know of one edition, taken from its final TEI
 * tree while the worker still holds it: author, title, date, source, and the
 * persons, places and organisations it mentions. Kept in the build manifest,
 * so that skipped editions still appear in the corpus index.
 */
import { findAll, findFirst, textOf, type Element, type Root } from '../tei/tree.js';

/** The kinds of register entry the corpus register lists. */
export type EntityKind = 'person' | 'place' | 'org';

/** One entity an edition mentions. */
export interface Mention {
  kind: EntityKind;
  /** The register entry's id (from `@ref`), or `text:<name>` for a name found in no register. */
  key: string;
  /** The entry's preferred name, or the name as the text writes it. */
  label: string;
  /** How many times the edition mentions it. */
  count: number;
  /** True when the name is in a register (it has a `@ref`). */
  registered: boolean;
}

/** The facts of one edition for the corpus index. */
export interface EditionSummary {
  title: string;
  authors: string[];
  /** The source's date as written and as ISO, when known. */
  date?: { text: string; iso?: string };
  /** The print source (`Fourth International, Vol. 2, No. 7, pp. 217–221`), when known. */
  source?: string;
  mentions: Mention[];
}

const NAME_ELEMENT: Record<string, EntityKind> = { persName: 'person', placeName: 'place', orgName: 'org' };
const ENTRY_ELEMENT: Record<string, EntityKind> = { person: 'person', place: 'place', org: 'org' };

function attribute(element: Element, name: string): string | undefined {
  const value = element.attributes?.[name];
  return value === undefined || value === null ? undefined : String(value);
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Reads the summary of an edition from its TEI tree (`standOff` registers when the enrichment stages wrote them). */
export function summarize(tei: Root): EditionSummary {
  const header = findFirst(tei, 'teiHeader');
  const titleStmt = header && findFirst(header, 'titleStmt');
  const mainTitle = titleStmt ? findAll(titleStmt, 'title').find((title) => attribute(title, 'type') === 'main') ?? findFirst(titleStmt, 'title') : undefined;
  const authors = titleStmt ? findAll(titleStmt, 'author').map((author) => clean(textOf(author))) : [];
  const biblStruct = header && findFirst(header, 'biblStruct');
  const monogr = biblStruct && findFirst(biblStruct, 'monogr');
  const imprintDate = monogr && findFirst(monogr, 'imprint') && findFirst(findFirst(monogr, 'imprint')!, 'date');
  const docDate = findFirst(tei, 'docDate');
  let date: EditionSummary['date'];
  if (imprintDate && attribute(imprintDate, 'when')) date = { text: clean(textOf(imprintDate)), iso: attribute(imprintDate, 'when') };
  else if (docDate) date = { text: clean(textOf(docDate)), iso: attribute(docDate, 'when') };
  let source: string | undefined;
  if (monogr) {
    const journal = findFirst(monogr, 'title');
    const parts = [journal ? clean(textOf(journal)) : ''];
    for (const scope of findAll(monogr, 'biblScope')) {
      const unit = attribute(scope, 'unit');
      const text = clean(textOf(scope));
      parts.push(unit === 'volume' ? `Vol. ${text}` : unit === 'issue' ? `No. ${text}` : text);
    }
    const joined = parts.filter((part) => part && !/^unknown$/i.test(part)).join(', ');
    if (joined) source = joined;
  }

  // Register entries carried in the document (standOff), for preferred names.
  const labels = new Map<string, string>();
  const standOff = findFirst(tei, 'standOff');
  if (standOff) {
    for (const name of Object.keys(ENTRY_ELEMENT)) {
      for (const entry of findAll(standOff, name)) {
        const id = attribute(entry, 'xml:id');
        const preferred = entry.children.find((child): child is Element => child.type === 'element' && /Name$|^name$/.test(child.name));
        if (id && preferred) labels.set(id, clean(textOf(preferred)));
      }
    }
  }
  const mentions = new Map<string, Mention>();
  const body = findFirst(tei, 'body');
  if (body) {
    for (const [name, kind] of Object.entries(NAME_ELEMENT)) {
      for (const mention of findAll(body, name)) {
        const text = clean(textOf(mention));
        if (!text) continue;
        const refs = (attribute(mention, 'ref') ?? '').split(/\s+/).filter(Boolean);
        const keys = refs.length ? refs.map((ref) => ref.replace(/^#/, '')) : [`text:${text}`];
        for (const key of keys) {
          const id = `${kind}:${key}`;
          const found = mentions.get(id);
          if (found) found.count++;
          else mentions.set(id, { kind, key, label: labels.get(key) ?? text, count: 1, registered: refs.length > 0 });
        }
      }
    }
  }
  return {
    title: mainTitle ? clean(textOf(mainTitle)) : '[Untitled]',
    authors,
    date,
    source,
    mentions: [...mentions.values()].sort((a, b) => (a.kind + a.key < b.kind + b.key ? -1 : a.kind + a.key > b.kind + b.key ? 1 : 0)),
  };
}
