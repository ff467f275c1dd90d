/**
 * `npm run harness`: builds, then serves the app in a browser with the real backend.
 * Flags: --data <folder> (default .data/harness), --port <n> (default random), --no-build,
 * --new-database (a damaged database is moved aside and a new one started; only on purpose).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isDamagedDatabaseError } from '../../src-main/db/damage';
import { buildForHarness } from './build';
import { REPO_ROOT } from './paths';
import { startHarness } from './server';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: path.join(REPO_ROOT, '.data/harness') },
    port: { type: 'string', default: '0' },
    'no-build': { type: 'boolean', default: false },
    'new-database': { type: 'boolean', default: false },
  },
});

if (!values['no-build']) await buildForHarness();
const harness = await startHarness({
  dataDir: values.data!,
  port: Number(values.port),
  newDatabase: values['new-database'],
  backend: { consoleLog: true },
}).catch((err: unknown) => {
  if (!isDamagedDatabaseError(err)) throw err;
  console.error(`\n${err.message}\n\nTo start with a new database, run again with --new-database.\n`);
  process.exit(1);
});
console.log(
  `\nAdmin Desk (browser harness) is running.\nOpen: ${harness.url}\nData: ${path.resolve(values.data!)}\nPress Ctrl+C to stop.\n`,
);
const stop = () => void harness.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
