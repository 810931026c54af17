/**
 * What the site's corpus pages know of each edition: the `site-data.json` the
 * site stylesheet (xslt/site.xsl) writes beside an edition's page, and the
 * corpus registers gathered from them (one entity per register id, or per
 * unverified name as written), each with every mention across the corpus.
 */

/** A register entry as an edition's standOff gives it. */
export interface EntryData {
  id: string;
  kind: EntityKind;
  name: string;
  sort: string;
  variants: string[];
  birth: string;
  death: string;
  details: string[];
  /** `@type` of a place or organisation, `@role` of a person (city, party, revolutionary), or ''. */
  type: string;
  /** "lat long" as TEI `geo` writes it, or ''. */
  geo: string;
  ids: { type: string; label: string; value: string; url: string }[];
}

export type EntityKind = 'person' | 'place' | 'org';

/** A mention of a name in an edition's text. */
export interface MentionData {
  /** Its id on the edition page. */
  id: string;
  kind: EntityKind;
  /** The register page it links to (a file name in `registers/`). */
  page: string;
  /** The register ids of its `@ref`. */
  refs: string[];
  /** The register page of each of `refs`, in order (see f:id-page in xslt/site.xsl: collision-free file names). */
  pages: string[];
  text: string;
  /** `low` for a name the tool found in no register. */
  cert: string;
  left: string;
  right: string;
}

/** A date the text mentions (`date@when`, or `@from` of a range). */
export interface DateData {
  /** Its id on the edition page. */
  id: string;
  /** ISO value: year, month or day. */
  when: string;
  /** End of a range, or ''. */
  to: string;
  text: string;
  left: string;
  right: string;
  /** The places named in the same paragraph (register page, name as written). */
  places: { page: string; name: string }[];
}

/** One edition's data, as the site stylesheet writes it. */
export interface EditionData {
  slug: string;
  title: string;
  authors: string[];
  /** ISO date of the text (year, month or day), or ''. */
  date: string;
  source: string;
  /** The title of the journal, book or site the text was taken from (the source's monograph title), or '': the search filter's "source". */
  periodical: string;
  language: string;
  entries: EntryData[];
  mentions: MentionData[];
  dates: DateData[];
  /** The reading text, plain, for search. */
  text: string;
}

/** An entity of the corpus: a register entry, or an unverified name. */
export interface Entity {
  page: string;
  kind: EntityKind;
  name: string;
  sort: string;
  /** True when the name is in no register (`cert="low"`, no `@ref`). */
  unverified: boolean;
  entry?: EntryData;
  /** Names the texts use for it, other than `name`. */
  variants: string[];
  /** Its mentions, by edition in the site's edition order. */
  mentions: { edition: EditionData; mentions: MentionData[] }[];
  total: number;
}

export const KIND_LABELS: Readonly<Record<EntityKind, { plural: string; one: string }>> = {
  person: { plural: 'Persons', one: 'person' },
  place: { plural: 'Places', one: 'place' },
  org: { plural: 'Organisations', one: 'organisation' },
};

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The sort key of a name: lower case, without accents and leading "The". */
export function sortKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .trim();
}

/**
 * Gathers the corpus registers from the editions' data: one entity per
 * register page, with each edition's mentions of it (a mention with several
 * `@ref`s belongs to each). Sorted by kind order, then name.
 */
export function gatherEntities(editions: readonly EditionData[]): Entity[] {
  const entities = new Map<string, Entity>();
  const entriesById = new Map<string, EntryData>();
  for (const edition of editions) for (const entry of edition.entries) if (!entriesById.has(entry.id)) entriesById.set(entry.id, entry);
  const entityOf = (page: string, kind: EntityKind, text: string, entry: EntryData | undefined): Entity => {
    let entity = entities.get(page);
    if (!entity) {
      const name = entry?.name ?? text;
      entity = { page, kind: entry?.kind ?? kind, name, sort: sortKey(entry?.sort ?? text), unverified: !entry, entry, variants: [], mentions: [], total: 0 };
      entities.set(page, entity);
    }
    return entity;
  };
  for (const edition of editions) {
    for (const mention of edition.mentions) {
      const pages = mention.refs.length ? mention.refs.map((ref, i) => ({ page: mention.pages[i]!, entry: entriesById.get(ref) })) : [{ page: mention.page, entry: undefined }];
      for (const { page, entry } of pages) {
        const entity = entityOf(page, mention.kind, mention.text, entry);
        // A registered id whose entry no edition carries is still a register name, not an unverified one.
        if (mention.refs.length) entity.unverified = false;
        let group = entity.mentions[entity.mentions.length - 1];
        if (!group || group.edition !== edition) {
          group = { edition, mentions: [] };
          entity.mentions.push(group);
        }
        group.mentions.push(mention);
        entity.total++;
        if (mention.text !== entity.name && !entity.variants.includes(mention.text)) entity.variants.push(mention.text);
      }
    }
  }
  const kinds: EntityKind[] = ['person', 'place', 'org'];
  for (const entity of entities.values()) {
    const registered = entity.entry?.variants ?? [];
    entity.variants = [...new Set([...registered, ...entity.variants.sort(compare)])];
  }
  return [...entities.values()].sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || compare(a.sort, b.sort) || compare(a.page, b.page));
}

/** The letter an entity is listed under: A–Z, else "#". */
export function letterOf(entity: Entity): string {
  const first = entity.sort.charAt(0).toUpperCase();
  return /[A-Z]/.test(first) ? first : '#';
}

/** Latitude and longitude of a TEI `geo` ("lat long"), when it holds two numbers in range. */
export function coordinates(geo: string): { lat: number; long: number } | undefined {
  const match = /^(-?\d+(?:\.\d+)?)[\s,]+(-?\d+(?:\.\d+)?)$/.exec(geo.trim());
  if (!match) return undefined;
  const lat = Number(match[1]);
  const long = Number(match[2]);
  return Math.abs(lat) <= 90 && Math.abs(long) <= 180 ? { lat, long } : undefined;
}
