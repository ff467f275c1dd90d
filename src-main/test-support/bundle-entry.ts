/**
 * A TypeScript entry compiled once into a bundle that a plain `node <bundle>` runs: for tests that
 * start a child process many times (under tsx every start compiled the whole module graph again),
 * and for benchmarks that measure the code as the app runs it (tsx's compiler and source maps add
 * over 100 MB to a process). Packages stay imports resolved from node_modules at run time (native addons
 * such as better-sqlite3 and keytar load as they do under tsx), and `import.meta.url`, `.dirname`
 * and `.filename` keep naming each module's source file, so fonts, guides and resources found
 * next to a module are found as before.
 *
 * The worker threads and processes the app starts are bundled beside the entry, under the names
 * electron.vite.config.ts gives them beside index.js, and a module's lookup of its compiled
 * worker (`new URL('./write-worker.js', import.meta.url)`) finds them there, as in the built app:
 * a sync, a scan or an intake in the child compiles nothing either.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

/** The compiled workers a module looks for beside itself, and their sources (electron.vite.config.ts). */
const WORKERS: Readonly<Record<string, string>> = {
  'write-worker': 'src-main/sync/write-worker.ts',
  'ask-runner': 'src-main/ask/runner-store.ts',
  'scan-worker': 'src-main/investigate/scan/scan-worker.ts',
  'intake-worker': 'src-main/intake/worker/intake-worker.ts',
  'matching-worker': 'src-main/onboarding/matching/matching-worker.ts',
};
const COMPILED_WORKER = /new URL\((['"])\.\/([\w-]+)\.js\1,\s*import\.meta\.url\)/g;

/**
 * Rewrites `import.meta.*` to the source file's own location, as tsx would have given it, except
 * a lookup of a compiled worker, which points into the bundle folder `outDir`.
 */
function sourceImportMeta(outDir: string): Plugin {
  return {
    name: 'source-import-meta',
    setup(b) {
      b.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
        const source = await fs.promises.readFile(args.path, 'utf8');
        const contents = source
          .replace(COMPILED_WORKER, (call: string, _quote: string, name: string) =>
            name in WORKERS ? `new URL(${JSON.stringify(pathToFileURL(path.join(outDir, `${name}.js`)).href)})` : call,
          )
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
          .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
          .replaceAll('import.meta.filename', JSON.stringify(args.path));
        return { contents, loader: 'ts' };
      });
    },
  };
}

/**
 * Bundles `entry` and the app's workers into `outDir` (inside node_modules, so package imports
 * resolve), unless it is there already; returns the entry's bundle. Benchmarks use it too, to
 * measure the code as it runs in the app rather than under tsx's compiler.
 */
export async function bundleEntry(entry: string, outDir: string, root = process.cwd()): Promise<string> {
  const main = path.join(outDir, 'main.js');
  if (fs.existsSync(main)) return main;
  // Two test processes may build at once: each builds a folder of its own and renames it in place.
  const scratch = `${outDir}.${process.pid}.tmp`;
  fs.mkdirSync(scratch, { recursive: true });
  // ESM: node looks for a package.json no further up than node_modules, which holds the bundles.
  fs.writeFileSync(path.join(scratch, 'package.json'), '{ "type": "module" }\n');
  const workers = Object.fromEntries(Object.entries(WORKERS).map(([name, file]) => [name, path.join(root, file)]));
  await build({
    entryPoints: { main: entry, ...workers },
    outdir: scratch,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    plugins: [sourceImportMeta(outDir)],
    logLevel: 'error',
  });
  try {
    fs.renameSync(scratch, outDir);
  } catch (e) {
    // Another process was first: its folder is as good as ours.
    if (!fs.existsSync(main)) throw e;
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return main;
}
