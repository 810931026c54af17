/**
 * Search that works offline and from `file://`: the index is a script
 * (`assets/search-index.js` sets `window.TEI_PRESS_SEARCH`), because browsers
 * refuse `fetch` of a JSON file from disk; `assets/search.js` reads the query
 * from the page's address and lists editions (full text, title, author,
 * source) and register names that hold every word, with the words around the
 * first hit. No library: a linear scan of a few megabytes is instant for the
 * corpus sizes this slice targets (see the README for the numbers).
 */
import type { EditionData, Entity } from './data.js';

/** The search index as the browser reads it. */
export interface SearchIndex {
  editions: { slug: string; title: string; authors: string[]; date: string; source: string; text: string }[];
  names: { page: string; name: string; kind: string; variants: string[]; unverified: boolean; total: number }[];
}

export function searchIndex(editions: readonly EditionData[], entities: readonly Entity[]): SearchIndex {
  return {
    editions: editions.map(({ slug, title, authors, date, source, text }) => ({ slug, title, authors, date, source, text })),
    names: entities.map((entity) => ({ page: entity.page, name: entity.name, kind: entity.kind, variants: entity.variants, unverified: entity.unverified, total: entity.total })),
  };
}

/** The index as a script. `<` is escaped so that no text of an edition can close a script element. */
export function searchIndexScript(index: SearchIndex): string {
  return `window.TEI_PRESS_SEARCH = ${JSON.stringify(index).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')};\n`;
}

/** The search page's script (plain ES2017, no module, so that it runs from file://). */
export const SEARCH_SCRIPT = `(function () {
  'use strict';
  var index = window.TEI_PRESS_SEARCH;
  var results = document.getElementById('results');
  var input = document.getElementById('q');
  if (!index || !results) return;
  // Case and accents are ignored, one character for one, so that positions in the folded text are positions in the text.
  function fold(text) {
    var out = '';
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      var f = c.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase();
      out += f.length === 1 ? f : c;
    }
    return out;
  }
  function el(name, text, attrs) {
    var node = document.createElement(name);
    if (text) node.textContent = text;
    for (var key in attrs || {}) node.setAttribute(key, attrs[key]);
    return node;
  }
  var query = new URLSearchParams(window.location.search).get('q') || '';
  if (input) input.value = query;
  var terms = fold(query).split(/\\s+/).filter(function (t) { return t.length > 0; });
  if (terms.length === 0) return;
  var found = [];
  index.editions.forEach(function (edition) {
    var head = fold([edition.title, edition.authors.join(' '), edition.source, edition.date].join(' '));
    var body = fold(edition.text);
    var score = 0;
    for (var i = 0; i < terms.length; i++) {
      var inHead = head.indexOf(terms[i]) !== -1;
      var at = body.indexOf(terms[i]);
      if (!inHead && at === -1) return;
      score += (inHead ? 10 : 0) + (at === -1 ? 0 : 1);
    }
    var first = body.indexOf(terms[0]);
    var context = '';
    if (first !== -1) {
      var start = Math.max(0, first - 80);
      var end = Math.min(edition.text.length, first + terms[0].length + 80);
      context = (start > 0 ? '… ' : '') + edition.text.slice(start, end) + (end < edition.text.length ? ' …' : '');
    }
    found.push({ edition: edition, score: score, context: context });
  });
  found.sort(function (a, b) { return b.score - a.score || (a.edition.title < b.edition.title ? -1 : 1); });
  var names = index.names.filter(function (entry) {
    var hay = fold([entry.name].concat(entry.variants).join(' '));
    return terms.every(function (t) { return hay.indexOf(t) !== -1; });
  });
  results.appendChild(el('h2', 'Editions (' + found.length + ')'));
  var list = el('ol', '', { 'class': 'results' });
  found.forEach(function (hit) {
    var item = el('li');
    item.appendChild(el('a', hit.edition.title, { href: 'editions/' + encodeURIComponent(hit.edition.slug) + '.html' }));
    item.appendChild(el('span', ' — ' + (hit.edition.authors.join('; ') || 'Unsigned') + (hit.edition.date ? ', ' + hit.edition.date : '')));
    if (hit.context) item.appendChild(el('p', hit.context, { 'class': 'context' }));
    list.appendChild(item);
  });
  results.appendChild(list);
  results.appendChild(el('h2', 'Names (' + names.length + ')'));
  var nameList = el('ul', '', { 'class': 'results' });
  names.forEach(function (entry) {
    var item = el('li');
    item.appendChild(el('a', entry.name, { href: 'registers/' + encodeURIComponent(entry.page) }));
    item.appendChild(el('span', ' (' + entry.kind + ', ' + entry.total + ' mention' + (entry.total === 1 ? '' : 's') + (entry.unverified ? ', unverified' : '') + ')'));
    nameList.appendChild(item);
  });
  results.appendChild(nameList);
})();
`;
