import { defineConfig } from 'vitest/config';

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
  },
});
