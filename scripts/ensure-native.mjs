#!/usr/bin/env node
// Makes the native modules (better-sqlite3, keytar) match the runtime about to load them, so
// `npm test` (Node) and `npm start` (Electron) both work right after `npm install`, in either
// order, with no manual step. It rebuilds only when the loaded ABI does not match.
//   node scripts/ensure-native.mjs node      -> exit 0 when Node can load them (rebuilding if needed)
//   node scripts/ensure-native.mjs electron  -> exit 0 when built for Electron; exit 3 when the
//                                               Electron binary is absent (e.g. CI machines)
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const marker = path.join(root, 'node_modules', '.admin-desk-native-abi');
const MODULES = ['better-sqlite3', 'keytar'];
const target = process.argv[2] ?? 'node';

function readMarker() {
  try {
    return fs.readFileSync(marker, 'utf8').trim();
  } catch {
    return '';
  }
}

function nodeCanLoad() {
  const probe = `require('better-sqlite3')(':memory:').close(); require('keytar');`;
  const r = spawnSync(process.execPath, ['-e', probe], { cwd: root, encoding: 'utf8' });
  return { ok: r.status === 0, stderr: r.stderr };
}

function rebuild(extraEnv, label) {
  console.error(`[ensure-native] rebuilding ${MODULES.join(', ')} for ${label} ...`);
  execFileSync('npm', ['rebuild', ...MODULES], { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
}

if (target === 'node') {
  const first = nodeCanLoad();
  if (first.ok) {
    fs.writeFileSync(marker, `node-${process.versions.modules}\n`);
    process.exit(0);
  }
  if (
    !/NODE_MODULE_VERSION|was compiled against a different|invalid ELF|Could not locate the bindings/.test(first.stderr)
  ) {
    console.error(first.stderr);
    console.error('[ensure-native] the native modules failed to load for a reason other than their ABI (see above).');
    process.exit(1);
  }
  rebuild({ npm_config_runtime: 'node', npm_config_target: process.versions.node }, `Node ${process.versions.node}`);
  const second = nodeCanLoad();
  if (!second.ok) {
    console.error(second.stderr);
    process.exit(1);
  }
  fs.writeFileSync(marker, `node-${process.versions.modules}\n`);
  process.exit(0);
}

if (target === 'electron') {
  // Not require('electron'): without its binary that downloads it and prints a stack trace when
  // the download fails. We try the download once, quietly, and say in one line why it failed.
  let electronBinary = electronBinaryPath();
  if (electronBinary === null && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    const installer = path.join(root, 'node_modules', 'electron', 'install.js');
    if (fs.existsSync(installer)) {
      console.error('[ensure-native] the Electron binary is missing; trying to download it once ...');
      const r = spawnSync(process.execPath, [installer], { cwd: root, encoding: 'utf8', timeout: 180_000 });
      electronBinary = electronBinaryPath();
      if (electronBinary === null) {
        const why = `${r.stderr ?? ''}\n${r.stdout ?? ''}`
          .split('\n')
          .find((l) => /error|failed|ENOTFOUND|timed? ?out/i.test(l));
        const plain =
          why && /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED/i.test(why) ? 'no network access' : why?.trim();
        console.error(`[ensure-native] the Electron download did not work${plain ? ` (${plain})` : ''}.`);
      }
    }
  }
  if (electronBinary === null) process.exit(3);
  const version = require('electron/package.json').version;
  const wanted = `electron-${version}`;
  if (readMarker() === wanted) process.exit(0);
  rebuild(
    {
      npm_config_runtime: 'electron',
      npm_config_target: version,
      npm_config_disturl: 'https://electronjs.org/headers',
    },
    `Electron ${version}`,
  );
  fs.writeFileSync(marker, `${wanted}\n`);
  process.exit(0);
}

/** Where the Electron binary is (as electron/index.js finds it), or null when it is absent. */
function electronBinaryPath() {
  const dir = path.join(root, 'node_modules', 'electron');
  let name = '';
  try {
    name = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const full = override ? path.join(override, name || 'electron') : path.join(dir, 'dist', name);
  return name && fs.existsSync(full) ? full : null;
}

console.error(`usage: ensure-native.mjs node|electron (got ${target})`);
process.exit(2);
