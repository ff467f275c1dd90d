/**
 * The built-in sandbox instance, started in-process on first use ("Explore with the sandbox
 * instance"). It is seeded deterministically, so its tokens and API user are the same at every
 * start and the keychain entries stay valid; its port changes, so the client asks here for the
 * live URL instead of storing one. With a data folder, what is applied to it is kept in a file
 * there (see smartsimple/sandbox/persistence.ts) and survives a restart until reset() brings the
 * seed back.
 */
import path from 'node:path';
import fs from 'node:fs';
import { silentLogger, type Logger } from '../log/logger';
import type { SandboxConnection } from '../smartsimple/sandbox/server';

export const SANDBOX_PEOPLE = 1000;
export const SANDBOX_SEED = 7;
/** The built-in sandbox's state, in the data folder. */
export const SANDBOX_STATE_FILE = 'sandbox-state.json';

export type SandboxInfo = SandboxConnection;

export interface SandboxRuntime {
  ensure(): Promise<SandboxInfo>;
  running(): boolean;
  /** Forgets every change: the seed again (restarted if it was running, on a new port). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface SandboxRuntimeOptions {
  people?: number;
  seed?: number;
  /** Added to every response (real milliseconds): tests that must catch a sync mid-way use it. */
  latencyMs?: number;
  /** Where the state file lives; without one the sandbox forgets at close. */
  dataDir?: string;
  logger?: Logger;
  /** Throttle of the state saves (default 500 ms). */
  saveDelayMs?: number;
  /**
   * An instance file to serve instead of a generated instance (smartsimple/sandbox/README.md,
   * "Instance files"); people and seed do not apply then.
   */
  instanceFile?: string;
}

interface Running {
  info: SandboxInfo;
  close: () => Promise<void>;
}

async function startBuiltIn(options: SandboxRuntimeOptions): Promise<Running> {
  // Loaded on demand: start-up does not pay for the seed generator.
  const { startSandbox } = await import('../smartsimple/sandbox/server');
  const { generateInstance } = await import('../smartsimple/sandbox/seed/generate');
  const persistence = await import('../smartsimple/sandbox/persistence');
  const { generatedAtOf } = await import('../smartsimple/sandbox/snapshot');
  const logger = options.logger ?? silentLogger;
  const file = options.dataDir ? path.join(options.dataDir, SANDBOX_STATE_FILE) : undefined;
  const saved = file ? persistence.readSnapshotFile(file, logger) : undefined;
  let instance;
  if (options.instanceFile) {
    const { loadInstance } = await import('../smartsimple/sandbox/instance-file');
    instance = loadInstance(fs.readFileSync(options.instanceFile, 'utf8'), path.basename(options.instanceFile));
  } else {
    // The seed of the day the state was saved on: the logs end at the generation time.
    const now = saved ? generatedAtOf(saved.value) : undefined;
    const seed = { seed: options.seed ?? SANDBOX_SEED, people: options.people ?? SANDBOX_PEOPLE };
    instance = generateInstance({ ...seed, ...(now !== undefined ? { now } : {}) });
  }
  const seed = {
    seed: instance.data.seed,
    people: options.instanceFile ? instance.data.people.length : (options.people ?? SANDBOX_PEOPLE),
  };
  const facts = { ...seed, accessRows: instance.data.accessLog.length };
  if (file && saved) persistence.acceptSnapshot(file, saved.value, instance.data, facts, logger);
  const handle = await startSandbox({
    instance,
    ...seed,
    port: 0,
    ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}),
  });
  const saver = file
    ? persistence.createSnapshotSaver(file, instance.data, facts, logger, options.saveDelayMs)
    : undefined;
  if (saver) handle.state.onChange(() => saver.changed());
  return {
    info: handle.connection(),
    close: async () => {
      saver?.flush();
      await handle.close();
    },
  };
}

export function createSandboxRuntime(options: SandboxRuntimeOptions = {}): SandboxRuntime {
  let started: Promise<Running> | null = null;
  const ensure = () => {
    started ??= startBuiltIn(options);
    started.catch(() => (started = null));
    return started.then((s) => s.info);
  };
  const close = async () => {
    const s = started;
    started = null;
    if (s) await (await s).close();
  };
  return {
    ensure,
    running: () => started !== null,
    async reset() {
      const wasRunning = started !== null;
      await close();
      if (options.dataDir) fs.rmSync(path.join(options.dataDir, SANDBOX_STATE_FILE), { force: true });
      (options.logger ?? silentLogger).info('sandbox reset to its seed');
      if (wasRunning) await ensure();
    },
    close,
  };
}
