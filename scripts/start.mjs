#!/usr/bin/env node
// `npm start`: opens Admin Desk. With the Electron binary (a normal workstation) it builds and
// starts the desktop app. Without it (machines where the Electron download is impossible) it says
// so and serves the same app in a browser through the harness, with the real backend.
// ADMIN_DESK_BROWSER=1 chooses the browser even where Electron is installed.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
};

const check =
  process.env.ADMIN_DESK_BROWSER === '1'
    ? { status: 3, chosen: true }
    : spawnSync(process.execPath, [path.join(root, 'scripts/ensure-native.mjs'), 'electron'], {
        cwd: root,
        stdio: 'inherit',
      });
if (check.status === 0) {
  run(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'preview']);
} else if (check.status === 3) {
  console.log(
    check.chosen
      ? '\nStarting Admin Desk in your browser (ADMIN_DESK_BROWSER=1).\n'
      : '\nThe Electron binary is not installed here (it was skipped or could not be downloaded).\n' +
          'Starting Admin Desk in your browser instead, with the same backend and data folder layout.\n',
  );
  const nodeCheck = spawnSync(process.execPath, [path.join(root, 'scripts/ensure-native.mjs'), 'node'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (nodeCheck.status !== 0) process.exit(nodeCheck.status ?? 1);
  run(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'e2e/harness/cli.ts'), ...process.argv.slice(2)]);
} else {
  process.exit(check.status ?? 1);
}
