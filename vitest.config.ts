import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds of wall time of the slowest files (CI vitest report, test-results/vitest.json, with the
 * child processes bundled). Only the order matters; refresh it when a file joins or leaves the
 * slow end.
 */
const SLOW_FILES: Readonly<Record<string, number>> = {
  'src-main/plans/apply/crash.test.ts': 60,
  'src-main/cli/desk.test.ts': 40,
  'src-main/cli/review.test.ts': 15,
  'src-main/helpdesk/troubleshooter.test.ts': 15,
  'src-main/onboarding/queue.test.ts': 15,
  'src-main/intake/scans.test.ts': 12,
  'src-main/plans/apply/apply-faults.test.ts': 10,
  'src-main/jobs/jobs-service.test.ts': 10,
  'src-main/cli/desk-why.test.ts': 8,
  'src-main/cli/desk-ask.test.ts': 8,
  'src-main/cli/desk-intake.test.ts': 8,
  'src-main/cli/findings.test.ts': 8,
};

/**
 * The longest files start first, so that with two workers none of them is the tail of the run.
 * Vitest's own order uses the durations it cached from an earlier run and, on a fresh clone (CI),
 * file size, which says little about time: a short file that starts twenty child processes
 * outlasts a long one of pure functions. So a file weighs its cached duration when vitest has
 * one, else its figure above, else nothing (it keeps vitest's order after the weighed ones).
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const base = await super.sort(files);
    const root = this.ctx.config.root;
    const weight = (spec: TestSpecification): number => {
      const file = path.relative(root, spec.moduleId).split(path.sep).join('/');
      const cached = this.ctx.cache.getFileTestResults(`${spec.project.name}:${file}`);
      return cached ? cached.duration / 1000 : (SLOW_FILES[file] ?? 0);
    };
    const weights = new Map(base.map((spec) => [spec, weight(spec)]));
    // Array.prototype.sort is stable: equal weights keep vitest's order.
    return base.sort((a, b) => weights.get(b)! - weights.get(a)!);
  }
}

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
    sequence: { sequencer: LongestFirst },
    // One compile per run of the entries tests start as child processes (test-support/bundle.ts).
    globalSetup: ['src-main/test-support/global-setup.ts'],
  },
});
