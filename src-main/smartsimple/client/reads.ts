/**
 * Read calls: Get, List with automatic paging, Count, Get Meta, Associations-List, Report-Query.
 * Paging uses `recordstart`/`recordend` (the documented form whose precedence is a fact) and the
 * server's default order (record id ascending) unless the caller sorts; it stops when
 * `recordto >= allcount` or a page is empty, and flags a result set that moved between pages.
 */
import type { Criterion, FunctionSpec, ListMessage, OtherSettings, SortBy, WireRecord } from '../protocol';
import { ACTIONS, DEFAULT_PAGE_SIZE, MAX_RECORDS_PER_CALL } from '../protocol';
import type { Core } from './core';
import { SmartConnectError, SmartConnectUsageError } from './errors';

export interface CallOptions {
  signal?: AbortSignal;
}

export interface PageCallOptions extends CallOptions {
  /** Attempts per page call, the first included (default: the client's retry setting). */
  attempts?: number;
}

export interface ListOptions extends PageCallOptions {
  criteria?: Criterion[];
  sortby?: SortBy[];
  /** Records per call (default DEFAULT_PAGE_SIZE, at most MAX_RECORDS_PER_CALL). */
  pageSize?: number;
  /** Extra settings (`getstorevalue`, `includearchive`); paging keys are the client's. */
  othersettings?: Omit<OtherSettings, 'recordstart' | 'recordend' | 'recordsperpage' | 'pagenum'>;
  onPage?: (page: ListPage) => void;
}

export interface ListPage {
  /** 0-based page number in this listing. */
  index: number;
  records: WireRecord[];
  recordfrom: number;
  recordto: number;
  recordcount: number;
  allcount: number;
  /**
   * The result set moved between pages (total changed, a record seen twice, or ids out of order):
   * some records may be missing from the listing. Duplicates are already dropped.
   */
  shifted: boolean;
}

const PAGING_KEYS = ['recordfrom', 'recordto', 'recordcount', 'allcount'] as const;

function toCount(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** A List reply's shape problem, if any (makes it 'malformed'). */
export function listProblem(body: Record<string, unknown>): string | undefined {
  if (!Array.isArray(body.records)) return 'no records array';
  if (body.records.some((r) => !r || typeof r !== 'object' || Array.isArray(r))) return 'a record is not an object';
  const message = body.message;
  if (!message || typeof message !== 'object') return 'no message object';
  for (const key of PAGING_KEYS) {
    if (toCount((message as Record<string, unknown>)[key]) === undefined)
      return `message.${key} is missing or not a number`;
  }
  return undefined;
}

function recordsProblem(body: Record<string, unknown>): string | undefined {
  if (!Array.isArray(body.records)) return 'no records array';
  if (body.records.some((r) => !r || typeof r !== 'object' || Array.isArray(r))) return 'a record is not an object';
  return undefined;
}

function listMessage(body: Record<string, unknown>): ListMessage {
  const m = body.message as Record<string, unknown>;
  return {
    recordfrom: toCount(m.recordfrom) ?? 0,
    recordto: toCount(m.recordto) ?? 0,
    recordcount: toCount(m.recordcount) ?? 0,
    allcount: toCount(m.allcount) ?? 0,
  };
}

export function checkPageSize(pageSize: number | undefined): number {
  const size = pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_RECORDS_PER_CALL) {
    throw new SmartConnectUsageError(`pageSize must be an integer from 1 to ${MAX_RECORDS_PER_CALL}, got ${size}`);
  }
  return size;
}

const idOf = (r: WireRecord): string | undefined =>
  typeof r.recordid === 'string' && r.recordid !== '' ? r.recordid : undefined;

/**
 * Pages through a List or Report-Query function. `extra` carries `reportid` for reports.
 * Every page is one call; the iterator stops early when the consumer breaks out of it.
 */
export async function* pages(
  core: Core,
  fn: string,
  spec: FunctionSpec,
  options: ListOptions,
  extra: Record<string, string> = {},
): AsyncGenerator<ListPage, void, undefined> {
  const pageSize = checkPageSize(options.pageSize);
  const { signal } = options;
  const seen = new Set<string>();
  // Without a sortby the server orders by record id ascending: a falling id means a shift.
  const idOrdered = !options.sortby || options.sortby.length === 0;
  let lastNumericId = -Infinity;
  let firstAllcount: number | undefined;
  let start = 1;
  for (let index = 0; ; index++) {
    core.throwIfCancelled(signal, fn);
    const reply = await core.send({
      fn,
      spec,
      signal,
      write: false,
      validate: listProblem,
      attempts: options.attempts,
      params: {
        ...extra,
        criteria: options.criteria && options.criteria.length > 0 ? options.criteria : undefined,
        sortby: options.sortby && options.sortby.length > 0 ? options.sortby : undefined,
        othersettings: { ...options.othersettings, recordstart: start, recordend: start + pageSize - 1 },
      },
    });
    const message = listMessage(reply.body);
    const raw = reply.body.records as WireRecord[];
    let shifted = firstAllcount !== undefined && message.allcount !== firstAllcount;
    firstAllcount ??= message.allcount;
    const records: WireRecord[] = [];
    for (const record of raw) {
      const id = idOf(record);
      if (id !== undefined) {
        if (seen.has(id)) {
          shifted = true;
          continue;
        }
        seen.add(id);
        const numeric = Number(id);
        if (idOrdered && Number.isFinite(numeric)) {
          if (numeric < lastNumericId) shifted = true;
          lastNumericId = numeric;
        }
      }
      records.push(record);
    }
    if (shifted)
      core.logger.warn('result set moved between pages', {
        fn,
        page: index,
        allcount: message.allcount,
        firstAllcount,
      });
    const page: ListPage = { index, records, ...message, shifted };
    options.onPage?.(page);
    yield page;
    if (raw.length === 0 || message.recordcount === 0 || message.recordto >= message.allcount) return;
    if (message.recordto < start) {
      throw new SmartConnectError({
        kind: 'malformed',
        fn,
        message: `${fn}: paging did not advance (asked from ${start}, got to ${message.recordto})`,
      });
    }
    start = message.recordto + 1;
  }
}

export async function collect(iterable: AsyncIterable<ListPage>): Promise<WireRecord[]> {
  const all: WireRecord[] = [];
  for await (const page of iterable) all.push(...page.records);
  return all;
}

export function createReads(core: Core) {
  return {
    /** One record by id. 'not-found' when the server has none. */
    async get(fn: string, recordid: string, options: CallOptions = {}): Promise<WireRecord> {
      const spec = core.spec(fn, ['get']);
      const reply = await core.send({
        fn,
        spec,
        signal: options.signal,
        write: false,
        validate: recordsProblem,
        params: { recordid },
      });
      const record = (reply.body.records as WireRecord[])[0];
      if (!record)
        throw new SmartConnectError({ kind: 'not-found', fn, message: `${fn}: record ${recordid} does not exist` });
      return record;
    },

    /** Pages of a List function, fetched one call at a time as the caller iterates. */
    list(fn: string, options: ListOptions = {}): AsyncGenerator<ListPage, void, undefined> {
      const spec = core.spec(fn, ['list']);
      checkPageSize(options.pageSize);
      return pages(core, fn, spec, options);
    },

    async listAll(fn: string, options: ListOptions = {}): Promise<WireRecord[]> {
      const spec = core.spec(fn, ['list']);
      return collect(pages(core, fn, spec, options));
    },

    /** How many records match, in one call (for planning calls before a sync). */
    async countOnly(fn: string, criteria: Criterion[] = [], options: CallOptions = {}): Promise<number> {
      const spec = core.spec(fn, ['list', 'report-query']);
      const reply = await core.send({
        fn,
        spec,
        signal: options.signal,
        write: false,
        validate: listProblem,
        params: {
          ...(spec.action === 'report-query' ? { reportid: reportIdOf(fn, spec) } : {}),
          criteria: criteria.length > 0 ? criteria : undefined,
          othersettings: { recordsperpage: 1, pagenum: 1 },
        },
      });
      return listMessage(reply.body).allcount;
    },

    /** The Get Meta body as the server sends it (`message` removed). */
    async getMeta(fn: string, options: CallOptions = {}): Promise<Record<string, unknown>> {
      const spec = core.spec(fn, ['getmeta']);
      const reply = await core.send({ fn, spec, signal: options.signal, write: false, params: {} });
      const { message: _message, ...meta } = reply.body;
      return meta;
    },

    /** The associations (UTA roles) on one record, paged like List. */
    async associationsList(
      fn: string,
      objectid: string,
      options: Omit<ListOptions, 'criteria' | 'sortby'> = {},
    ): Promise<WireRecord[]> {
      const spec = core.spec(fn, ['associations-list']);
      return collect(pages(core, fn, spec, options, { objectid }));
    },

    /**
     * Checks a function's token and the login with one call that cannot change anything: the
     * function's parameters are left out (a write gets an empty `jsonrset`), so the server refuses
     * the request as empty after it has checked token and login. Resolves with the server's text
     * when the token and login were accepted ('bad-request'/'not-found' or a success), throws the
     * SmartConnectError otherwise (invalid token, credentials, network...).
     */
    async probe(fn: string, options: CallOptions = {}): Promise<{ serverMessage: string | undefined }> {
      const spec = core.spec(fn, ACTIONS);
      const params = ['update', 'delete', 'associations-update'].includes(spec.action) ? { jsonrset: [] } : {};
      try {
        const reply = await core.send({ fn, spec, signal: options.signal, write: false, params });
        return { serverMessage: reply.errorText };
      } catch (e) {
        if (e instanceof SmartConnectError && (e.kind === 'bad-request' || e.kind === 'not-found'))
          return { serverMessage: e.serverMessage };
        throw e;
      }
    },

    /** Pages of a Report-Query function (its `reportid` comes from the registry). */
    reportQuery(fn: string, options: ListOptions = {}): AsyncGenerator<ListPage, void, undefined> {
      const spec = core.spec(fn, ['report-query']);
      checkPageSize(options.pageSize);
      return pages(core, fn, spec, options, { reportid: reportIdOf(fn, spec) });
    },

    async reportQueryAll(fn: string, options: ListOptions = {}): Promise<WireRecord[]> {
      const spec = core.spec(fn, ['report-query']);
      return collect(pages(core, fn, spec, options, { reportid: reportIdOf(fn, spec) }));
    },
  };
}

function reportIdOf(fn: string, spec: FunctionSpec): string {
  if (!spec.reportid) throw new SmartConnectUsageError(`Report function "${fn}" has no reportid in the registry`);
  return spec.reportid;
}

export type Reads = ReturnType<typeof createReads>;
