/**
 * The SmartConnect client of the main process: typed calls by function name over one connection,
 * within the instance's hourly call budget. See README.md for the retry, unknown-outcome and
 * budget policies; core.ts and writes.ts carry them.
 */
import type { WireRecord } from '../protocol';
import type { ClientStats, SmartConnectClientOptions } from './core';
import { createCore } from './core';
import type { WriteResult } from './errors';
import type { CallOptions, ListOptions, ListPage } from './reads';
import { createReads } from './reads';
import type { RecordChange } from './read-modify-write';
import { createReadModifyWrite } from './read-modify-write';
import type { ReconcileOptions, ReconcileReport } from './reconcile';
import { reconcileUnknownOutcome } from './reconcile';
import type { SmartConnectError, PartialWrite } from './errors';
import type { AssociationItem, WriteOptions } from './writes';
import { createWrites } from './writes';
import type { Criterion } from '../protocol';

export interface SmartConnectClient {
  /** One record by id; 'not-found' when there is none. */
  get(fn: string, recordid: string, options?: CallOptions): Promise<WireRecord>;
  /** Pages of a List function, one call per page, fetched as the caller iterates. */
  list(fn: string, options?: ListOptions): AsyncGenerator<ListPage, void, undefined>;
  listAll(fn: string, options?: ListOptions): Promise<WireRecord[]>;
  /** `allcount` of a List (or report) in one call. */
  countOnly(fn: string, criteria?: Criterion[], options?: CallOptions): Promise<number>;
  /** Updates existing records (full replace), `batchSize` per call. */
  update(fn: string, records: WireRecord[], options?: WriteOptions): Promise<WriteResult[]>;
  /** Creates records (sent with recordid "0"). */
  create(fn: string, records: WireRecord[], options?: WriteOptions): Promise<WriteResult[]>;
  delete(fn: string, ids: string[], options?: WriteOptions): Promise<WriteResult[]>;
  getMeta(fn: string, options?: CallOptions): Promise<Record<string, unknown>>;
  associationsList(
    fn: string,
    objectid: string,
    options?: Omit<ListOptions, 'criteria' | 'sortby'>,
  ): Promise<WireRecord[]>;
  associationsUpdate(fn: string, items: AssociationItem[], options?: WriteOptions): Promise<WriteResult[]>;
  /** One call that checks the function's token and the login without reading or writing a record. */
  probe(fn: string, options?: CallOptions): Promise<{ serverMessage: string | undefined }>;
  /** Pages of a Report-Query function (reportid from the registry). */
  reportQuery(fn: string, options?: ListOptions): AsyncGenerator<ListPage, void, undefined>;
  reportQueryAll(fn: string, options?: ListOptions): Promise<WireRecord[]>;
  /** Current records by id, through a List function (ids or-ed, `idsPerCall` per call) or a Get function. */
  readCurrent(readFn: string, ids: readonly string[], options?: CallOptions): Promise<Map<string, WireRecord>>;
  /** Read, overlay the changes, write exactly the update function's fields, in batches. */
  readModifyWrite(
    updateFn: string,
    readFn: string,
    changes: readonly RecordChange[],
    options?: WriteOptions,
  ): Promise<WriteResult[]>;
  /** What became of the batch an 'unknown-outcome' error left in doubt. */
  reconcileUnknownOutcome(error: SmartConnectError | PartialWrite, options: ReconcileOptions): Promise<ReconcileReport>;
  stats(): ClientStats;
}

/**
 * Builds a client. Throws 'https-required' for a base URL that is not https (plain http is
 * allowed to loopback hosts only, for the sandbox).
 */
export function createSmartConnectClient(options: SmartConnectClientOptions): SmartConnectClient {
  const core = createCore(options);
  const reads = createReads(core);
  const writes = createWrites(core);
  const rmw = createReadModifyWrite(core);
  const client: SmartConnectClient = {
    ...reads,
    ...writes,
    ...rmw,
    reconcileUnknownOutcome: (error, reconcileOptions) => reconcileUnknownOutcome(client, error, reconcileOptions),
    stats: () => core.stats(),
  };
  return client;
}
