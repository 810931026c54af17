/**
 * Search that works offline and from `file://`, and stays fast for thousands
 * of editions. Browsers refuse `fetch` of a file from disk, so every part of
 * the index is a script that hands its data to the search page
 * (`window.TEI_PRESS_SEARCH(…)`), loaded by a `<script>` element when it is
 * needed:
 *
 *   assets/search/meta.js          the editions (title, authors, year, source), loaded with the page
 *   assets/search/t-<prefix>.js    the terms that begin with one two-character prefix: for each term the
 *                                  editions holding it (with a weight) and the register names holding it
 *   assets/search/text/<slug>.js   an edition's plain text, loaded only for a result shown, for its context
 *
 * The page loads only assets/search.js; a query loads the meta, one shard per word and the texts of the ten results
 * it shows: a fixed number of files, whatever the size of the corpus (the
 * README gives the bytes). Filters (author, year, source, kind of result) are
 * applied to the hits in the page. No library: MiniSearch and Lunr load one
 * whole index before the first query (see the README for the measurements).
 */
import type { EditionData, Entity } from './data.js';

/**
 * The words of a text as the index keeps them: case and accents folded, split
 * at anything that is not a letter or a digit. The page's script runs this
 * very function (its source is copied into assets/search.js), so queries and
 * index agree.
 */
export function searchTerms(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 1);
}

/** The shard a term belongs to: its first two characters, each kept when [a-z0-9], else written as "_" and its code point in hex. */
export function shardKey(term: string): string {
  return [...term]
    .slice(0, 2)
    .map((c) => (/^[a-z0-9]$/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}`))
    .join('');
}

/** The year of an ISO date, or ''. */
function yearOf(date: string): string {
  return /^-?\d{4}/.exec(date)?.[0] ?? '';
}

/** A script that hands `value` to the search page under `kind`; `<` and the line separators are escaped so no text can end the script. */
function handOver(kind: string, key: string, value: unknown): string {
  const json = JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `window.TEI_PRESS_SEARCH(${JSON.stringify(kind)}, ${JSON.stringify(key)}, ${json});\n`;
}

/** What the search page's filter lists offer: every author, year and source (journal, book or site) of the corpus, sorted. */
export interface SearchFacets {
  authors: string[];
  years: string[];
  sources: string[];
}

export function searchFacets(editions: readonly EditionData[]): SearchFacets {
  const sorted = (values: string[]) => [...new Set(values.filter((value) => value !== ''))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { authors: sorted(editions.flatMap((edition) => edition.authors)), years: sorted(editions.map((edition) => yearOf(edition.date))), sources: sorted(editions.map((edition) => edition.periodical)) };
}

/** An edition's text for the search page (the words around a hit), as its path in the site and its script. */
export function searchTextFile(edition: EditionData): [string, string] {
  return [`assets/search/text/${edition.slug}.js`, handOver('text', edition.slug, edition.text)];
}

/**
 * The index files but the texts (see {@link searchTextFile}), by path in the site. Editions are numbered in the given
 * order; a posting list is `[edition, weight, edition, weight, …]`, the weight
 * the number of times the word is in the text plus 10 when it is in the
 * title, authors or source.
 */
export function searchFiles(editions: readonly EditionData[], entities: readonly Entity[]): Map<string, string> {
  const files = new Map<string, string>();
  const facets = searchFacets(editions);
  const authorIndex = new Map(facets.authors.map((author, i) => [author, i]));
  const sourceIndex = new Map(facets.sources.map((source, i) => [source, i]));
  // Shard → term → postings and names.
  const shards = new Map<string, Map<string, { postings: number[]; names: number[] }>>();
  const entryOf = (term: string) => {
    const key = shardKey(term);
    let shard = shards.get(key);
    if (!shard) shards.set(key, (shard = new Map()));
    let entry = shard.get(term);
    if (!entry) shard.set(term, (entry = { postings: [], names: [] }));
    return entry;
  };
  editions.forEach((edition, number) => {
    const counts = new Map<string, number>();
    for (const term of searchTerms(edition.text)) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const term of searchTerms([edition.title, ...edition.authors, edition.source, edition.periodical].join(' '))) counts.set(term, (counts.get(term) ?? 0) + 10);
    for (const [term, weight] of counts) entryOf(term).postings.push(number, weight);
  });
  // Register names: each shard holds the names it needs whole, so one shard answers a word.
  const names = entities.map((entity) => [entity.page, entity.name, entity.kind, entity.unverified ? 1 : 0, entity.total] as const);
  entities.forEach((entity, number) => {
    for (const term of new Set(searchTerms([entity.name, ...entity.variants].join(' ')))) entryOf(term).names.push(number);
  });
  const keys = [...shards.keys()].sort();
  for (const key of keys) {
    const shard = shards.get(key)!;
    const terms: Record<string, [number[], number[]]> = {};
    const used = new Map<number, number>();
    const nameRecords: (typeof names)[number][] = [];
    for (const term of [...shard.keys()].sort()) {
      const { postings, names: named } = shard.get(term)!;
      const local = named.map((number) => {
        if (!used.has(number)) {
          used.set(number, nameRecords.length);
          nameRecords.push(names[number]!);
        }
        return used.get(number)!;
      });
      terms[term] = [postings, local];
    }
    files.set(`assets/search/t-${key}.js`, handOver('shard', key, { terms, names: nameRecords }));
  }
  files.set(
    'assets/search/meta.js',
    handOver('meta', '', {
      authors: facets.authors,
      sources: facets.sources,
      shards: keys,
      // [slug, title, author numbers, date, source number (the periodical's), or -1]
      editions: editions.map((edition) => [edition.slug, edition.title, edition.authors.map((author) => authorIndex.get(author)!), edition.date, edition.periodical ? sourceIndex.get(edition.periodical)! : -1]),
    }),
  );
  return files;
}

/** The search page's script (plain ES2018, no module, so that it runs from file://). */
export const SEARCH_SCRIPT = `(function () {
  'use strict';
  var searchTerms = ${searchTerms.toString()};
  var shardKey = ${shardKey.toString()};
  var PAGE = 10;
  var meta = null;
  var shards = {};
  var texts = {};
  var waiting = {};
  // Every index file calls this with what it holds.
  window.TEI_PRESS_SEARCH = function (kind, key, value) {
    if (kind === 'meta') meta = value || null;
    else if (kind === 'shard') shards[key] = value;
    else if (kind === 'text') texts[key] = value;
    var done = waiting[kind + ':' + key];
    delete waiting[kind + ':' + key];
    if (done) done.forEach(function (f) { f(); });
  };
  // Loads an index file by a script element (fetch is refused from file://); calls back when it has run, or failed.
  function load(kind, key, file, then) {
    var have = kind === 'meta' ? meta : kind === 'shard' ? shards[key] : texts[key];
    if (have !== undefined && have !== null) return then();
    var id = kind + ':' + key;
    if (waiting[id]) { waiting[id].push(then); return; }
    waiting[id] = [then];
    var script = document.createElement('script');
    script.src = file;
    script.onerror = function () { window.TEI_PRESS_SEARCH(kind, key, kind === 'meta' ? { authors: [], sources: [], shards: [], editions: [] } : kind === 'shard' ? { terms: {}, names: [] } : ''); };
    document.head.appendChild(script);
  }
  function el(name, text, attrs) {
    var node = document.createElement(name);
    if (text) node.textContent = text;
    for (var key in attrs || {}) node.setAttribute(key, attrs[key]);
    return node;
  }
  // One character for one, so that positions in the folded text are positions in the text.
  function fold(text) {
    var out = '';
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      var f = c.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase();
      out += f.length === 1 ? f : c;
    }
    return out;
  }
  var results = document.getElementById('results');
  var params = new URLSearchParams(window.location.search);
  var query = params.get('q') || '';
  var filter = { author: params.get('author') || '', from: params.get('from') || '', to: params.get('to') || '', source: params.get('source') || '', kind: params.get('kind') || '' };
  ['q', 'author', 'from', 'to', 'source', 'kind'].forEach(function (name) {
    var field = document.getElementById(name === 'q' ? 'q' : 'filter-' + name);
    if (field && params.get(name)) field.value = params.get(name);
  });
  var terms = searchTerms(query);
  if (!results || terms.length === 0) return;
  var status = el('p', 'Searching…', { 'class': 'search-status' });
  results.appendChild(status);
  load('meta', '', 'assets/search/meta.js', start);

  // Loads the shard of each word, then shows the hits.
  function start() {
  var keys = [];
  terms.forEach(function (term) { var key = shardKey(term); if (keys.indexOf(key) === -1 && meta.shards.indexOf(key) !== -1) keys.push(key); });
  var left = keys.length;
  if (left === 0) show();
  keys.forEach(function (key) { load('shard', key, 'assets/search/t-' + key + '.js', function () { if (--left === 0) show(); }); });
  }

  // The editions and names that hold every word (the last word may be the start of one).
  function show() {
    var editionScores = null;
    var nameHits = null;
    terms.forEach(function (term, n) {
      var shard = shards[shardKey(term)] || { terms: {}, names: [] };
      var scores = {};
      var named = {};
      for (var word in shard.terms) {
        if (word !== term && !(n === terms.length - 1 && word.indexOf(term) === 0)) continue;
        var postings = shard.terms[word][0];
        for (var i = 0; i < postings.length; i += 2) scores[postings[i]] = (scores[postings[i]] || 0) + postings[i + 1];
        shard.terms[word][1].forEach(function (local) { var record = shard.names[local]; named[record[0]] = record; });
      }
      if (editionScores === null) editionScores = scores;
      else for (var doc in editionScores) { if (scores[doc] === undefined) delete editionScores[doc]; else editionScores[doc] += scores[doc]; }
      if (nameHits === null) nameHits = named;
      else for (var page in nameHits) if (named[page] === undefined) delete nameHits[page];
    });
    var editions = Object.keys(editionScores || {}).map(Number).filter(function (doc) {
      var e = meta.editions[doc];
      var year = (/^-?\\d{4}/.exec(e[3]) || [''])[0];
      if (filter.author && e[2].map(function (a) { return meta.authors[a]; }).indexOf(filter.author) === -1) return false;
      if (filter.source && meta.sources[e[4]] !== filter.source) return false;
      if ((filter.from || filter.to) && !year) return false;
      if (filter.from && Number(year) < Number(filter.from)) return false;
      if (filter.to && Number(year) > Number(filter.to)) return false;
      return true;
    });
    editions.sort(function (a, b) { return editionScores[b] - editionScores[a] || a - b; });
    var names = Object.keys(nameHits || {}).map(function (page) { return nameHits[page]; });
    names.sort(function (a, b) { return b[4] - a[4] || (a[1] < b[1] ? -1 : 1); });
    if (filter.kind && filter.kind !== 'edition') names = names.filter(function (record) { return record[2] === filter.kind; });
    var showEditions = !filter.kind || filter.kind === 'edition';
    var showNames = filter.kind !== 'edition' && !filter.author && !filter.source && !filter.from && !filter.to;
    results.removeChild(status);
    if (showEditions) {
      results.appendChild(el('h2', 'Editions (' + editions.length + ')'));
      var list = el('ol', '', { 'class': 'results' });
      results.appendChild(list);
      var more = el('button', 'More editions', { type: 'button', 'class': 'more' });
      var shown = 0;
      var next = function () {
        editions.slice(shown, shown + PAGE).forEach(function (doc) { list.appendChild(editionItem(doc)); });
        shown += PAGE;
        if (shown >= editions.length && more.parentNode) more.parentNode.removeChild(more);
      };
      more.addEventListener('click', next);
      next();
      if (shown < editions.length) results.appendChild(more);
    }
    if (showNames) {
      results.appendChild(el('h2', 'Names (' + names.length + ')'));
      var nameList = el('ul', '', { 'class': 'results' });
      names.forEach(function (record) {
        var item = el('li');
        item.appendChild(el('a', record[1], { href: 'registers/' + encodeURIComponent(record[0]) }));
        item.appendChild(el('span', ' (' + record[2] + ', ' + record[4] + ' mention' + (record[4] === 1 ? '' : 's') + (record[3] ? ', unverified' : '') + ')'));
        nameList.appendChild(item);
      });
      results.appendChild(nameList);
    }
  }

  // A result: title, authors, date, source, and the words around the first hit once its text has loaded.
  function editionItem(doc) {
    var e = meta.editions[doc];
    var item = el('li');
    item.appendChild(el('a', e[1], { href: 'editions/' + encodeURIComponent(e[0]) + '.html' }));
    var authors = e[2].map(function (a) { return meta.authors[a]; }).join('; ') || 'Unsigned';
    item.appendChild(el('span', ' — ' + authors + (e[3] ? ', ' + e[3] : '') + (e[4] >= 0 ? ' · ' + meta.sources[e[4]] : '')));
    load('text', e[0], 'assets/search/text/' + encodeURIComponent(e[0]) + '.js', function () {
      var text = texts[e[0]] || '';
      var folded = fold(text);
      var at = -1;
      for (var i = 0; i < terms.length && at === -1; i++) at = folded.indexOf(terms[i]);
      if (at === -1) return;
      var start = Math.max(0, at - 80);
      var end = Math.min(text.length, at + 120);
      var context = el('p', '', { 'class': 'context' });
      context.appendChild(document.createTextNode((start > 0 ? '… ' : '') + text.slice(start, at)));
      context.appendChild(el('mark', text.slice(at, at + terms[i - 1].length)));
      context.appendChild(document.createTextNode(text.slice(at + terms[i - 1].length, end) + (end < text.length ? ' …' : '')));
      item.appendChild(context);
    });
    return item;
  }
})();
`;
