/**
 * Vitest's global setup: a folder for this run's child-process bundles (see bundle.ts), inside
 * node_modules so a bundle's package imports resolve as the source's do, removed when the run ends.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): () => void {
  const parent = path.join(project.config.root, 'node_modules', '.cache', 'admin-desk-test-bundles');
  fs.mkdirSync(parent, { recursive: true });
  // A run that was killed left its folder: a day later nobody uses it.
  for (const entry of fs.readdirSync(parent)) {
    const old = path.join(parent, entry);
    if (Date.now() - fs.statSync(old).mtimeMs > 86_400_000) fs.rmSync(old, { recursive: true, force: true });
  }
  const dir = fs.mkdtempSync(path.join(parent, 'run-'));
  project.provide('testBundleDir', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
