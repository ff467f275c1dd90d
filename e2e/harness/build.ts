/** Builds what the harness serves: the renderer (electron-vite) and the bridge script (vite). */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { build } from 'vite';
import { REPO_ROOT } from './paths';

export async function buildForHarness(options: { skipRenderer?: boolean } = {}): Promise<void> {
  if (!options.skipRenderer) {
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    });
  }
  await build({
    configFile: false,
    logLevel: 'warn',
    root: REPO_ROOT,
    build: {
      outDir: path.join(REPO_ROOT, 'out/harness'),
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: path.join(REPO_ROOT, 'e2e/harness/bridge-client.ts'),
        formats: ['iife'],
        name: 'AdminDeskHarnessBridge',
        fileName: () => 'bridge.js',
      },
    },
  });
}
