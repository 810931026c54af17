/**
 * The stylesheets run in this thread by SaxonJS, synchronously: kept here for
 * the callers that need SaxonJS itself (the site, tests). Writers go through
 * the engine interface (../xslt-engine/), which also runs Saxon-HE.
 */
export { SEF_DIR, messageRule, runStylesheet, runStylesheetToTree, type Serialization, type TransformOutput } from '../xslt-engine/saxon-js.js';
