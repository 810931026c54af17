/** The `review` format: the report for editors of what to check, as HTML and JSON (enrich/review.ts). */
import { reviewHtml, reviewItemsOf, reviewJson, titleOfTei } from '../enrich/review.js';
import type { Writer } from './writer.js';

export const write: Writer = async (edition, { slug }) => {
  const items = reviewItemsOf(edition);
  const title = titleOfTei(edition.tei);
  const source = edition.path.split(/[\\/]/).pop()!;
  return [
    { name: `${slug}.review.json`, data: reviewJson(title, source, items, { slug, messages: edition.log.messages }) },
    { name: `${slug}.review.html`, data: reviewHtml(title, source, items, { slug, messages: edition.log.messages }) },
  ];
};
