/**
 * A SmartConnect client on a sandbox, for tests and benchmarks: the sandbox's URL, API user and
 * function registry, with the caller's budget, logger and patience. With the sandbox's manual
 * clock the client's time is the sandbox's: a wait for the hourly limit advances it instead of
 * sleeping.
 */
import type { SmartConnectClient } from '../client/client';
import { createSmartConnectClient } from '../client/client';
import type { SmartConnectClientOptions } from '../client/core';
import type { SandboxConnection, SandboxHandle } from './server';

export type SandboxClientOptions = Omit<SmartConnectClientOptions, 'connection' | 'credentials' | 'functions'>;

export function clientOnSandbox(sandbox: SandboxConnection, options: SandboxClientOptions): SmartConnectClient {
  return createSmartConnectClient({
    connection: {
      baseUrl: sandbox.url,
      alias: sandbox.alias,
      rootCompanyId: sandbox.rootCompanyId,
      apiVersion: sandbox.apiVersion,
    },
    credentials: sandbox.apiUser,
    functions: sandbox.functions,
    ...options,
  });
}

/** The client's clock and sleep on the sandbox's manual clock (a sleep advances it). */
export function sandboxTime(clock: SandboxHandle['clock']): Pick<SmartConnectClientOptions, 'clock' | 'sleep'> {
  return {
    clock: () => clock.now(),
    sleep: async (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) throw aborted();
      clock.advance(ms);
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

/** A cancelled sleep throws what an aborted job throws, so callers see one kind of cancel. */
function aborted(): Error {
  const err = new Error('Cancelled.');
  err.name = 'AbortError';
  return err;
}
