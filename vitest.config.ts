import { defineConfig } from 'vitest/config';
import LongestFirst from './src-main/test-support/longest-first';

/** Node tests: the backend with real SQLite files, the sandbox over real HTTP, the real keychain. */
export default defineConfig({
  test: {
    include: [
      'src-main/**/*.test.ts',
      'e2e/harness/**/*.test.ts',
      'src-preload/**/*.test.ts',
      'src-renderer/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: on the 2-core CI machine a single
    // worker, so every file waited for the one before, most of it on child processes and HTTP.
    maxWorkers: 2,
    // The longest files first, so none of them is the tail (see longest-first.ts).
    sequence: { sequencer: LongestFirst },
    // One compile per run of the entries tests start as child processes (test-support/bundle.ts).
    globalSetup: ['src-main/test-support/global-setup.ts'],
  },
});
