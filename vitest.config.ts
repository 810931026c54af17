import { defineConfig } from 'vitest/config';

// Conformance tests start Java (Jing, epubcheck) and Chromium: give them time,
// and run test files one per core so that two JVMs do not fight for memory.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
