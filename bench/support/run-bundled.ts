/**
 * Runs a benchmark from a bundle of its code (esbuild, as the tests' child processes are run:
 * src-main/test-support/bundle-entry.ts), so the code it times, and the app's workers it starts
 * (the scan worker and its reader, the sync's write worker), run compiled beforehand as in the app.
 * Under tsx each worker compiles its TypeScript when it starts, on the cores the timed work uses.
 *
 *   npx tsx bench/support/run-bundled.ts bench/detectors.ts [arguments]
 *
 * The bundle lives under node_modules/.cache for the run (package imports resolve from there) and
 * is removed after it. Children the benchmark forks from TypeScript sources (the sandbox) start
 * with tsx as before (their fork names `--import tsx`).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from '../../src-main/test-support/bundle-entry';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main(): Promise<number> {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) throw new Error('usage: npx tsx bench/support/run-bundled.ts bench/<name>.ts [arguments]');
  const cache = path.join(ROOT, 'node_modules', '.cache');
  fs.mkdirSync(cache, { recursive: true });
  const outDir = fs.mkdtempSync(path.join(cache, 'admin-desk-bench-bundle-'));
  try {
    const bundle = await bundleEntry(path.resolve(ROOT, entry), path.join(outDir, 'b'), ROOT);
    return await new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, [bundle, ...args], { stdio: 'inherit' });
      child.once('error', reject);
      child.once('exit', (code) => resolve(code ?? 1));
    });
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
