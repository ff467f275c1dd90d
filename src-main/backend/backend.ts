/**
 * The backend: built from a data folder, plain Node, no electron import. The Electron shell and
 * the browser harness both wrap it; tests and benchmarks use it directly.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { EventName, Events, Result, Table } from '../../src-preload/contract';
import { openDatabase } from '../db/open';
import { createConnections } from '../connect/connections';
import { createSandboxRuntime, type SandboxRuntimeOptions } from '../connect/sandbox-runtime';
import { createVault, KEYCHAIN_SERVICE, type KeychainBackend } from '../vault/vault';
import { sqliteAccountIndex } from '../vault/accounts-store';
import { createDispatcher, type CallContext } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import { createJobRunner } from '../jobs/runner';
import { SecretRegistry, consoleSink, createLogger, fileSink, type LogLevel, type LogSink } from '../log/logger';
import type { Services } from './services';
import { APP_VERSION } from './version';

export interface BackendOptions {
  dataDir: string;
  shell?: 'electron' | 'harness';
  logLevel?: LogLevel;
  /** Extra log sinks (tests capture lines here); the file sink is always on. */
  logSinks?: LogSink[];
  /** Also print log lines to the console (default true outside tests). */
  consoleLog?: boolean;
  /** The keychain; default keytar (tests of the no-keychain path pass a failing one). */
  keychain?: KeychainBackend | (() => Promise<KeychainBackend>);
  /**
   * Keychain service name; tests use their own so they never touch real entries (under vitest a
   * backend given none gets one of its own).
   */
  keychainService?: string;
  /** Size and seed of the built-in sandbox instance. */
  sandbox?: SandboxRuntimeOptions;
}

export type EventListener = <E extends EventName>(event: E, payload: Events[E]) => void;

export interface Backend {
  /** Validates and runs one call; never throws. */
  invoke(channel: unknown, input?: unknown, ctx?: CallContext): Promise<Result<unknown>>;
  /** Listens to every event; returns an unsubscribe function. */
  onEvent(listener: EventListener): () => void;
  readonly services: Services;
  close(): Promise<void>;
}

export const DATABASE_FILE = 'admin-desk.sqlite';

export async function createBackend(options: BackendOptions): Promise<Backend> {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const secrets = new SecretRegistry();
  const sinks: LogSink[] = [fileSink(path.join(dataDir, 'logs')), ...(options.logSinks ?? [])];
  if (options.consoleLog ?? !process.env.VITEST) sinks.push(consoleSink);
  const logger = createLogger('main', { level: options.logLevel ?? 'info', sinks, secrets });

  const { db, to } = openDatabase(path.join(dataDir, DATABASE_FILE), { logger: logger.child('db') });
  const listeners = new Set<EventListener>();
  const emit = <E extends EventName>(event: E, payload: Events[E]) => {
    for (const l of listeners) {
      try {
        l(event, payload);
      } catch (err) {
        logger.error('event listener failed', { event, error: err });
      }
    }
  };
  const changed = (tables: Table[]) => emit('data:changed', { tables });
  const jobs = createJobRunner({
    db,
    logger: logger.child('jobs'),
    emit: (job) => {
      emit('job:progress', job);
      if (job.state !== 'running') changed(['jobs']);
    },
  });

  const vault = createVault({
    secrets,
    logger: logger.child('vault'),
    ...(options.keychain ? { keychain: options.keychain } : {}),
    service:
      options.keychainService ?? (process.env.VITEST ? `Admin Desk test ${crypto.randomUUID()}` : KEYCHAIN_SERVICE),
    accounts: sqliteAccountIndex(db),
  });
  const sandbox = createSandboxRuntime(options.sandbox);
  const connections = createConnections({ db, vault, logger: logger.child('connect'), secrets, sandbox });

  const services: Services = {
    db,
    dataDir,
    shell: options.shell ?? 'electron',
    version: APP_VERSION,
    schemaVersion: to,
    logger,
    secrets,
    jobs,
    vault,
    sandbox,
    connections,
    emit,
    changed,
  };
  const dispatch = createDispatcher(createHandlers(services), changed, logger.child('ipc'));
  logger.info('backend ready', { dataDir, schemaVersion: to });

  let closed = false;
  return {
    invoke: (channel, input, ctx) => dispatch(channel, input, ctx),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    services,
    async close() {
      if (closed) return;
      closed = true;
      await jobs.shutdown();
      await sandbox.close();
      listeners.clear();
      db.close();
    },
  };
}
