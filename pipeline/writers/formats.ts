/**
 * The output formats: one row per format (Pandoc's Writers.hs), and all that
 * follows from the rows: the order writers run in, the formats built by
 * default, what `--formats` accepts and its help. A row names its writer's
 * module, loaded only when the format is built (Chromium's driver only for a
 * PDF), so this module is light enough for the CLI to read before anything loads.
 *
 * Adding a format is one module exporting `write` (a {@link Writer}, see
 * writer.ts) and one row here.
 */
import { OptionError } from '../option-error.js';

export interface FormatRow {
  /** The format's name, as `--formats` takes it. */
  readonly name: string;
  /** What it makes, for the help text. */
  readonly summary: string;
  /**
   * Formats whose files this writer reads: they are made first and handed to it
   * (the PDF prints the print HTML's file; it is not written unless asked for).
   */
  readonly needs: readonly string[];
  /** The needed formats are written too: a deposit bag's files also stand beside it. */
  readonly writesNeeds?: boolean;
  /** It packs every file the build made before it (the bag), so it runs after all the others. */
  readonly packsAll?: boolean;
  /** Built when no formats are asked for. */
  readonly byDefault: boolean;
  /** What it needs on the machine, for the help text. */
  readonly requires?: string;
  /** The writer's module (relative to this file, or a file: URL) exporting `write`. */
  readonly module: string;
}

export const FORMAT_ROWS = [
  { name: 'tei', summary: 'the TEI P5 edition (<slug>.tei.xml)', needs: [], byDefault: true, module: './tei.js' },
  { name: 'epub', summary: 'EPUB 3 (<slug>.epub)', needs: [], byDefault: true, module: './epub.js' },
  { name: 'html', summary: 'print HTML with CSS paged media (<slug>.html)', needs: [], byDefault: true, module: './html.js' },
  { name: 'archive', summary: 'archival TEI for deposit (<slug>.archive.tei.xml)', needs: [], byDefault: true, module: './archive.js' },
  { name: 'review', summary: 'the review report for editors (<slug>.review.html/.json)', needs: [], byDefault: true, module: './review.js' },
  { name: 'pdf', summary: 'PDF printed from the print HTML (<slug>.pdf)', needs: ['html'], byDefault: false, requires: 'Chromium (TEI_PRESS_CHROMIUM, default /usr/bin/chromium)', module: './pdf.js' },
  { name: 'bag', summary: 'a BagIt deposit of the source and the files (<slug>-bag/)', needs: ['archive', 'epub', 'html'], writesNeeds: true, packsAll: true, byDefault: false, module: './bag.js' },
] as const satisfies readonly FormatRow[];

export type OutputFormat = (typeof FORMAT_ROWS)[number]['name'];

/**
 * The order in which a list of rows runs: each after the formats it needs and,
 * for one that packs all, after every other; otherwise in the order of the rows.
 * @throws Error when a row needs a format no row makes, or rows need each other.
 */
export function runOrder(rows: readonly FormatRow[]): string[] {
  const byName = new Map(rows.map((row) => [row.name, row]));
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (row: FormatRow, path: readonly string[]) => {
    if (state.get(row.name) === 'done') return;
    if (state.get(row.name) === 'visiting') throw new Error(`formats need each other: ${[...path, row.name].join(' → ')}`);
    state.set(row.name, 'visiting');
    for (const need of row.needs) {
      const needed = byName.get(need);
      if (!needed) throw new Error(`format "${row.name}" needs "${need}", which no format row makes`);
      visit(needed, [...path, row.name]);
    }
    state.set(row.name, 'done');
    order.push(row.name);
  };
  for (const row of rows) if (!row.packsAll) visit(row, []);
  for (const row of rows) if (row.packsAll) visit(row, []);
  return order;
}

/** Every format, in the order their writers run. */
export const ALL_FORMATS: readonly OutputFormat[] = runOrder(FORMAT_ROWS) as OutputFormat[];

/** The run order of `rows`: worked out once for ours. */
export function runOrderOf(rows: readonly FormatRow[]): readonly string[] {
  return rows === FORMAT_ROWS ? ALL_FORMATS : runOrder(rows);
}

/** `asked` and, for each row `follows` accepts, the formats it needs, recursively; each once. */
export function withNeeds(asked: readonly string[], rows: readonly FormatRow[], follows: (row: FormatRow) => boolean): Set<string> {
  const wanted = new Set<string>();
  const add = (name: string): void => {
    if (wanted.has(name)) return;
    wanted.add(name);
    const row = formatRow(name, rows);
    if (follows(row)) row.needs.forEach(add);
  };
  asked.forEach(add);
  return wanted;
}

/** The formats built when none are asked for (`pdf`, which needs Chromium, and `bag` are opt-in). */
export const DEFAULT_FORMATS: readonly OutputFormat[] = ALL_FORMATS.filter((name) => FORMAT_ROWS.find((row) => row.name === name)!.byDefault);

/** The row of a format. */
export function formatRow(name: string, rows: readonly FormatRow[] = FORMAT_ROWS): FormatRow {
  const row = rows.find((candidate) => candidate.name === name);
  if (!row) throw new OptionError(`unknown format "${name}"; choose from ${rows.map((candidate) => candidate.name).join(', ')}`);
  return row;
}

/** Checks asked-for format names: at least one, each a row's. */
export function checkFormats(names: readonly string[], rows: readonly FormatRow[] = FORMAT_ROWS): void {
  const known = rows.map((row) => row.name);
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length) throw new OptionError(`unknown format${unknown.length > 1 ? 's' : ''} "${unknown.join('", "')}"; choose from ${known.join(', ')}`);
  if (names.length === 0) throw new OptionError(`no output format asked for; choose from ${known.join(', ')}`);
}

/** Parses `--formats` (comma-separated): at least one, each a known format. */
export function parseFormats(value: string): OutputFormat[] {
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  if (names.length === 0) throw new OptionError(`--formats wants at least one format, from ${ALL_FORMATS.join(', ')}; got "${value}"`);
  checkFormats(names);
  return names as OutputFormat[];
}

/** The formats asked for plus those whose files are written with them (a bag's), once each, in run order. */
export function resolveFormats<Name extends string>(asked: readonly Name[], rows: readonly FormatRow[] = FORMAT_ROWS): Name[] {
  const wanted = withNeeds(asked, rows, (row) => row.writesNeeds === true);
  return runOrderOf(rows).filter((name) => wanted.has(name)) as Name[];
}

/** The `--formats` lines of the help text, made from the rows. */
export function formatsHelp(rows: readonly FormatRow[] = FORMAT_ROWS): string {
  const width = Math.max(...rows.map((row) => row.name.length));
  return rows
    .map((row) => {
      const notes = [row.byDefault ? 'default' : '', row.requires ? `needs ${row.requires}` : '', row.writesNeeds ? `adds ${row.needs.join(', ')}` : '']
        .filter(Boolean)
        .join('; ');
      return `  ${row.name.padEnd(width)}  ${row.summary}${notes ? ` [${notes}]` : ''}`;
    })
    .join('\n');
}
