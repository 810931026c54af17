/**
 * Dependency rules of the pipeline, checked on the compiled modules (`build/`)
 * by tests/architecture.test.ts. dependency-cruiser cannot read this project's
 * TypeScript 7 sources, so type-only imports are not seen; run-time imports are.
 */
module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'A cycle makes module start-up order matter and the layers meaningless.', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'batch-on-top',
      comment: 'The batch builds editions; nothing the edition build uses may import it (only the library entry, the critical edition build, the CLI and tools do).',
      severity: 'error',
      from: { path: '^build/', pathNot: '^build/(batch/|build\\.js$|cli\\.js$|critical/build\\.js$|tools/)' },
      to: { path: '^build/batch/' },
    },
    {
      name: 'tools-on-top',
      comment: 'Build-time and maintenance tools (compile the stylesheets and rules, write the gazetteer, bench) use the pipeline; the pipeline never uses them.',
      severity: 'error',
      from: { path: '^build/', pathNot: '^build/tools/' },
      to: { path: '^build/tools/' },
    },
    {
      name: 'readers-below-writers',
      comment: 'Readers make the TEI; they never reach for what consumes it.',
      severity: 'error',
      from: { path: '^build/readers/' },
      to: { path: '^build/(writers|batch|enrich|validate)/' },
    },
    {
      name: 'writers-read-the-tei-only',
      comment: 'Writers consume the TEI, not a reader’s model.',
      severity: 'error',
      from: { path: '^build/writers/' },
      to: { path: '^build/readers/' },
    },
  ],
  options: { doNotFollow: { path: 'node_modules' }, exclude: { path: 'node_modules' } },
};
