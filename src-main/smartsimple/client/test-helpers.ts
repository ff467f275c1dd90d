/** Shared setup for the client tests: a fake clock with an instant sleep, a captured logger. */
import type { LogRecord } from '../../log/logger';
import { createLogger } from '../../log/logger';
import type { FunctionRegistry } from '../protocol';
import type { CallBudget } from './budget';
import { createMemoryBudget } from './budget';
import type { SmartConnectClient } from './client';
import { createSmartConnectClient } from './client';
import type { SmartConnectClientOptions, WaitEvent } from './core';
import { cancelledError } from './errors';

/**
 * Call timeout of a test that waits out a request the server never answers (the 'timeout' fault):
 * short, so the test does not wait long, yet long enough that a loaded machine still answers every
 * other loopback call within it.
 */
export const HUNG_CALL_TIMEOUT_MS = 1_500;
/** Call timeout of every other test: generous, so only a real hang fails it. */
export const CALL_TIMEOUT_MS = 10_000;
/** The call timeout a test with this fault needs. */
export const callTimeoutFor = (kind: string): number => (kind === 'timeout' ? HUNG_CALL_TIMEOUT_MS : CALL_TIMEOUT_MS);

export interface FakeTime {
  now(): number;
  advance(ms: number): void;
  /** Instant sleep that moves the fake clock; honours the signal. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  sleeps: number[];
}

export function fakeTime(start = Date.UTC(2025, 0, 6, 9, 0, 0)): FakeTime {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    advance: (ms) => void (t += ms),
    sleeps,
    async sleep(ms, signal) {
      if (signal?.aborted) throw cancelledError();
      sleeps.push(ms);
      t += ms;
      await Promise.resolve();
      if (signal?.aborted) throw cancelledError();
    },
  };
}

export interface Endpoint {
  url: string;
  alias: string;
  rootCompanyId: string | number;
  apiUser: { username: string; password: string };
  functions: FunctionRegistry;
}

export interface TestClient {
  client: SmartConnectClient;
  budget: CallBudget;
  time: FakeTime;
  logs: LogRecord[];
  waits: WaitEvent[];
}

export function makeClient(
  endpoint: Endpoint,
  overrides: Partial<SmartConnectClientOptions> & { time?: FakeTime; limit?: number } = {},
): TestClient {
  const time = overrides.time ?? fakeTime();
  const logs: LogRecord[] = [];
  const waits: WaitEvent[] = [];
  // No SecretRegistry on purpose: the client itself must keep secrets out of what it logs.
  const logger = createLogger('smartconnect', { level: 'debug', sinks: [(r) => logs.push(r)] });
  const budget = overrides.budget ?? createMemoryBudget({ limit: overrides.limit ?? 1000, clock: time.now });
  const client = createSmartConnectClient({
    connection: { baseUrl: endpoint.url, alias: endpoint.alias, rootCompanyId: endpoint.rootCompanyId, apiVersion: 1 },
    credentials: endpoint.apiUser,
    functions: endpoint.functions,
    budget,
    logger,
    clock: time.now,
    sleep: time.sleep,
    timeoutMs: 2000,
    retry: { attempts: 3, baseMs: 100, maxMs: 1000, random: () => 0.5 },
    onWait: (e) => void waits.push(e),
    ...overrides,
  });
  return { client, budget, time, logs, waits };
}

/** Runs `fn` and returns what it threw (fails the test if it did not throw). */
export async function caught(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}
