/**
 * SaxonJS, loaded with `require`: it is a 2.4 MB CommonJS file, and importing
 * it from an ES module makes Node scan the whole file for named exports first,
 * which costs a few hundred milliseconds at every start.
 */
import { createRequire } from 'node:module';
import type SaxonJSModule from 'saxon-js';

export const SaxonJS = createRequire(import.meta.url)('saxon-js') as typeof SaxonJSModule;
