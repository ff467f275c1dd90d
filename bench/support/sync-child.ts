/**
 * A full sync run by the app's backend in a process of its own, started from a bundle of this file
 * (src-main/test-support/bundle-entry.ts): the code as the app runs it, compiled beforehand, so the
 * process's memory is the backend's and not tsx's compiler and source maps (over 100 MB). Its peak
 * RSS (worker threads included: they share the process) is sampled every 50 ms.
 *
 * Started by bench/startup.ts (`syncInChild`) as `node <bundle> --sync <dataDir> <connection JSON>`;
 * it sends back a `ChildSync`.
 */
import { performance } from 'node:perf_hooks';
import { createBackend } from '../../src-main/backend/backend';
import { createInstance } from '../../src-main/instances/instances-store';
import { updateSettings } from '../../src-main/instances/settings-store';
import { silentLogger } from '../../src-main/log/logger';
import { createMemoryBudget } from '../../src-main/smartsimple/client';
import type { SandboxConnection } from '../../src-main/smartsimple/sandbox';
import { clientOnSandbox } from '../../src-main/smartsimple/sandbox/client-on-sandbox';
import { runSync } from '../../src-main/sync';
import { quietJob } from './quiet-job';

export interface ChildSync {
  instanceId: string;
  seconds: number;
  message: string;
  /** RSS once the backend was up, before the sync began. */
  rssBefore: number;
  peakRss: number;
  people: number;
  logRows: number;
}

async function syncHere(dataDir: string, c: SandboxConnection): Promise<ChildSync> {
  const backend = await createBackend({ dataDir, consoleLog: false, logLevel: 'warn' });
  try {
    const { db } = backend.services;
    const instance = createInstance(
      db,
      { name: 'Bench', host: c.url, alias: c.alias, rootCompanyId: c.rootCompanyId, apiVersion: 1 },
      { isSandbox: true },
    );
    updateSettings(db, { activeInstanceId: instance.id });
    const client = clientOnSandbox(c, { budget: createMemoryBudget({ limit: 1e9 }), logger: silentLogger });
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const started = performance.now();
    const result = await runSync({
      db,
      client,
      instanceId: instance.id,
      mode: 'full',
      ctx: quietJob(),
      logger: silentLogger,
    }).finally(() => clearInterval(timer));
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    return {
      instanceId: instance.id,
      seconds: (performance.now() - started) / 1000,
      message: result.message,
      rssBefore,
      peakRss,
      people: count('SELECT count(*) FROM mirror_people'),
      logRows: count('SELECT count(*) FROM mirror_login_sessions') + count('SELECT count(*) FROM mirror_access_events'),
    };
  } finally {
    await backend.close();
  }
}

const at = process.argv.indexOf('--sync');
if (at >= 0) {
  const result = await syncHere(process.argv[at + 1] as string, JSON.parse(process.argv[at + 2] as string));
  process.send?.(result);
  process.exit(0);
}
