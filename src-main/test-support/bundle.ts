/**
 * One compile per test run of a TypeScript entry that tests start many times as a real child
 * process (the `desk` CLI, the crash test's apply child): see bundle-entry.ts. The folder comes
 * from the global setup (global-setup.ts); the first test process that needs a bundle builds it
 * there, the others reuse it.
 */
import path from 'node:path';
import { inject } from 'vitest';
import { bundleEntry } from './bundle-entry';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where this run's bundles live (one folder per run, removed at its end). */
    testBundleDir: string;
  }
}

const built = new Map<string, Promise<string>>();

/**
 * The bundle of `entry` (absolute, or relative to the repository) for this test run, built on
 * first use. Start it with `spawn(process.execPath, [bundle, ...args])`.
 */
export function testBundle(entry: string): Promise<string> {
  const root = process.cwd();
  const source = path.resolve(root, entry);
  const name = path
    .relative(root, source)
    .replace(/[\\/]/g, '__')
    .replace(/\.[cm]?ts$/, '');
  const outDir = path.join(inject('testBundleDir'), name);
  let pending = built.get(outDir);
  if (!pending) {
    pending = bundleEntry(source, outDir, root);
    built.set(outDir, pending);
  }
  return pending;
}
