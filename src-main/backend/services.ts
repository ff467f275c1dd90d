/** What handlers and capabilities are built from. */
import type { DB } from '../db/open';
import type { Connections } from '../connect/connections';
import type { SandboxRuntime } from '../connect/sandbox-runtime';
import type { JobRunner } from '../jobs/runner';
import type { Vault } from '../vault/vault';
import type { Logger, SecretRegistry } from '../log/logger';
import type { EventName, Events, Table } from '../../src-preload/contract';

export interface Services {
  db: DB;
  dataDir: string;
  shell: 'electron' | 'harness';
  version: string;
  schemaVersion: number;
  logger: Logger;
  secrets: SecretRegistry;
  jobs: JobRunner;
  vault: Vault;
  sandbox: SandboxRuntime;
  connections: Connections;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  /** Announces changed tables so queries that read them refresh. */
  changed(tables: Table[]): void;
}
