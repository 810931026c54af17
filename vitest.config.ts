import { defineConfig } from 'vitest/config';

// Conformance tests start Java (Jing, epubcheck) and Chromium: give them time,
// and run test files one per core so that two JVMs do not fight for memory.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // The reproducible-builds convention: every build in the tests (and the CLI
    // processes they start, which inherit it) is dated 2025-01-02, not today.
    env: { SOURCE_DATE_EPOCH: '1735776000' },
    maxWorkers: 2,
  },
});
