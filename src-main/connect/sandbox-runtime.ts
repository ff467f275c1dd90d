/**
 * The built-in sandbox instance, started in-process on first use ("Explore with the sandbox
 * instance"). It is seeded deterministically, so its tokens and API user are the same at every
 * start and the keychain entries stay valid; its port changes, so the client asks here for the
 * live URL instead of storing one.
 */
import type { SandboxConnection } from '../smartsimple/sandbox/server';

export const SANDBOX_PEOPLE = 1000;
export const SANDBOX_SEED = 7;

export type SandboxInfo = SandboxConnection;

export interface SandboxRuntime {
  ensure(): Promise<SandboxInfo>;
  running(): boolean;
  close(): Promise<void>;
}

export interface SandboxRuntimeOptions {
  people?: number;
  seed?: number;
  /** Added to every response (real milliseconds): tests that must catch a sync mid-way use it. */
  latencyMs?: number;
}

export function createSandboxRuntime(options: SandboxRuntimeOptions = {}): SandboxRuntime {
  let started: Promise<{ info: SandboxInfo; close: () => Promise<void> }> | null = null;
  return {
    ensure() {
      started ??= (async () => {
        // Loaded on demand: start-up does not pay for the seed generator.
        const { startSandbox } = await import('../smartsimple/sandbox/server');
        const handle = await startSandbox({
          people: options.people ?? SANDBOX_PEOPLE,
          seed: options.seed ?? SANDBOX_SEED,
          port: 0,
          ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}),
        });
        return { info: handle.connection(), close: () => handle.close() };
      })();
      started.catch(() => (started = null));
      return started.then((s) => s.info);
    },
    running: () => started !== null,
    async close() {
      const s = started;
      started = null;
      if (s) await (await s).close();
    },
  };
}
