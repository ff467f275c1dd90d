/**
 * One compile per test run of a TypeScript entry that tests start many times as a real child
 * process (the `desk` CLI, the crash test's apply child). Under tsx every start compiled the whole
 * module graph again; here esbuild bundles our own source once and each start is a plain
 * `node <bundle>`. Packages stay imports resolved from node_modules at run time (native addons
 * such as better-sqlite3 and keytar load as they do under tsx), and `import.meta.url`, `.dirname`
 * and `.filename` keep naming each module's source file, so fonts, guides and resources found
 * next to a module are found as before.
 *
 * The worker threads and processes the app starts are bundled beside the entry, under the names
 * electron.vite.config.ts gives them beside index.js, and a module's lookup of its compiled
 * worker (`new URL('./write-worker.js', import.meta.url)`) finds them there, as in the built app:
 * a sync, a scan or an intake in the child compiles nothing either.
 *
 * The folder comes from the global setup (global-setup.ts); the first test process that needs a
 * bundle builds it there, the others reuse it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where this run's bundles live (one folder per run, removed at its end). */
    testBundleDir: string;
  }
}

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

async function bundleOnce(entry: string, outDir: string, root: string): Promise<string> {
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
    pending = bundleOnce(source, outDir, root);
    built.set(outDir, pending);
  }
  return pending;
}
