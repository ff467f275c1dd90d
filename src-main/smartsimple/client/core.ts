/**
 * The call engine every client method goes through: function lookup, the budget wait before each
 * call, counting and logging each call, retries with backoff for transient read failures, and the
 * wait after the server's own hourly-limit refusal.
 *
 * Policy (see README.md):
 * - Reads (get, list, meta, report, associations-list) are retried on network, timeout, server
 *   and malformed failures, with exponential backoff and full jitter.
 * - Writes are retried only when the request certainly never left (connection refused, DNS);
 *   every other failure of a write comes back to the write path, which turns it into
 *   'unknown-outcome' instead of resending (writes.ts).
 * - Credentials, invalid token and bad request are never retried.
 * - Hourly limit: never retried blindly; the budget is marked full and the call waits.
 */
import type { Action, FunctionRegistry, FunctionSpec } from '../protocol';
import { ROLLING_WINDOW_MS } from '../protocol';
import type { Logger } from '../../log/logger';
import { SecretRegistry } from '../../log/logger';
import type { CallBudget } from './budget';
import {
  SmartConnectError,
  SmartConnectUsageError,
  TRANSIENT_KINDS,
  cancelledError,
  classifyServerError,
} from './errors';
import type { SmartConnectErrorKind } from './errors';
import type { ConnectionSettings, Credentials, FormValue, Reply } from './transport';
import { checkBaseUrl, encodeForm, endpointUrl, exchange } from './transport';
import { refusalWaitMs } from './limit-refusal';

export interface RetryOptions {
  /** Total attempts of a read, the first included (default 4). */
  attempts: number;
  /** First backoff ceiling in ms (default 500); doubles per retry. */
  baseMs: number;
  /** Backoff ceiling (default 15 s). */
  maxMs: number;
  /** Jitter source in [0, 1) (default Math.random). */
  random?: () => number;
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface WaitEvent {
  fn: string;
  /** When the call may go (ms since epoch, on the client's clock). */
  until: number;
  /** 'budget': our own count is at the limit; 'server-limit': the server refused with its limit text. */
  reason: 'budget' | 'server-limit';
}

export interface SmartConnectClientOptions {
  connection: ConnectionSettings;
  credentials: Credentials;
  functions: FunctionRegistry;
  budget: CallBudget;
  logger: Logger;
  fetch?: typeof fetch;
  /** Per attempt, covering the whole exchange (default 30 s). */
  timeoutMs?: number;
  retry?: Partial<RetryOptions>;
  /** Cancellable sleep (default setTimeout); tests inject one that advances a fake clock. */
  sleep?: Sleep;
  /** Should be the budget's clock (default Date.now). */
  clock?: () => number;
  /** Told before every wait for the budget, so the UI can show it. */
  onWait?: (event: WaitEvent) => void;
  /** Records per write call (default 100). */
  batchSize?: number;
  /** Ids per List call when reading records back by id (default 100). */
  idsPerCall?: number;
  /** The password and tokens are added to it, so the app's loggers scrub them too. */
  secrets?: SecretRegistry;
  /** How long a server-side limit refusal without Retry-After blocks the budget (default: one rolling window). */
  limitRefusalWaitMs?: number;
  /** Give up with 'hourly-limit' after this many refusals in a row for one call (default 3). */
  maxLimitRefusals?: number;
}

export interface FunctionStats {
  calls: number;
  retries: number;
  waits: number;
  errors: number;
  records: number;
}

export interface ClientStats extends FunctionStats {
  waitedMs: number;
  byFunction: Record<string, FunctionStats>;
}

export interface SendRequest {
  fn: string;
  spec: FunctionSpec;
  params: Record<string, FormValue>;
  signal?: AbortSignal | undefined;
  /** A write is never resent once it may have reached the server. */
  write: boolean;
  /** Records sent (writes), for the log. */
  records?: number;
  /** For reads: a problem with the reply's shape, which makes it 'malformed' (retried). */
  validate?: (body: Record<string, unknown>) => string | undefined;
  /**
   * Attempts of this call, the first included (default: the client's `retry.attempts`). A caller
   * that has a better answer to a failure than sending the same request again (a sync asking for
   * a smaller page) passes 1.
   */
  attempts?: number | undefined;
}

export interface Core {
  readonly batchSize: number;
  readonly idsPerCall: number;
  readonly logger: Logger;
  spec(fn: string, actions: readonly Action[]): FunctionSpec;
  send(request: SendRequest): Promise<Reply>;
  throwIfCancelled(signal: AbortSignal | undefined, fn?: string): void;
  stats(): ClientStats;
  scrub(text: string): string;
}

export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelledError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Full jitter: a random delay in [0, min(maxMs, baseMs * 2^retry)). */
export function backoffDelay(retry: number, options: RetryOptions): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** retry);
  return Math.floor((options.random ?? Math.random)() * ceiling);
}

const emptyStats = (): FunctionStats => ({ calls: 0, retries: 0, waits: 0, errors: 0, records: 0 });

/** The options with their defaults, checked. */
function settingsOf(options: SmartConnectClientOptions) {
  const batchSize = options.batchSize ?? 100;
  const idsPerCall = options.idsPerCall ?? 100;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new SmartConnectUsageError('batchSize must be a positive integer');
  if (!Number.isInteger(idsPerCall) || idsPerCall < 1)
    throw new SmartConnectUsageError('idsPerCall must be a positive integer');
  return {
    base: checkBaseUrl(options.connection.baseUrl),
    doFetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? 30_000,
    retry: { attempts: 4, baseMs: 500, maxMs: 15_000, ...options.retry } as RetryOptions,
    sleep: options.sleep ?? defaultSleep,
    clock: options.clock ?? Date.now,
    limitRefusalWaitMs: options.limitRefusalWaitMs ?? ROLLING_WINDOW_MS,
    maxLimitRefusals: options.maxLimitRefusals ?? 3,
    batchSize,
    idsPerCall,
  };
}

type Settings = ReturnType<typeof settingsOf>;

/** Calls, retries, waits, errors and records, in total and per function. */
function createCounters() {
  const totals = { ...emptyStats(), waitedMs: 0 };
  const byFunction = new Map<string, FunctionStats>();
  const count = (fn: string, key: keyof FunctionStats, n = 1) => {
    totals[key] += n;
    let s = byFunction.get(fn);
    if (!s) byFunction.set(fn, (s = emptyStats()));
    s[key] += n;
  };
  const stats = (): ClientStats => ({
    ...totals,
    byFunction: Object.fromEntries([...byFunction].map(([k, v]) => [k, { ...v }])),
  });
  return { totals, count, stats };
}

type Counters = ReturnType<typeof createCounters>;

const throwIfCancelled = (signal: AbortSignal | undefined, fn?: string) => {
  if (signal?.aborted) throw cancelledError(fn);
};

/** What every call of one client shares. */
interface Engine {
  options: SmartConnectClientOptions;
  settings: Settings;
  counters: Counters;
  logger: Logger;
  scrub: (text: string) => string;
  /** Limit refusals since the server last accepted a call (across calls: they share the window). */
  refusalsInARow: number;
}

async function pause(engine: Engine, fn: string, ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await engine.settings.sleep(Math.max(0, ms), signal);
  } catch (e) {
    if (signal?.aborted || (e instanceof SmartConnectError && e.kind === 'cancelled')) throw cancelledError(fn);
    throw e;
  }
  throwIfCancelled(signal, fn);
}

/** Waits until the budget has a slot. No await between the last check and the caller's record(). */
async function waitForSlot(
  engine: Engine,
  fn: string,
  signal: AbortSignal | undefined,
  reason: WaitEvent['reason'],
): Promise<void> {
  const { budget } = engine.options;
  const { clock } = engine.settings;
  for (;;) {
    throwIfCancelled(signal, fn);
    const now = clock();
    if (budget.remaining(now) > 0) return;
    const until = budget.nextSlotAt(now);
    // A budget that never opens (reserve >= limit) must not spin.
    const ms = until > now ? until - now : 1000;
    engine.counters.count(fn, 'waits');
    engine.counters.totals.waitedMs += ms;
    engine.logger.info('waiting for the hourly call budget', {
      fn,
      reason,
      until: new Date(now + ms).toISOString(),
      waitMs: ms,
      used: budget.used(now),
      limit: budget.limit,
    });
    engine.options.onWait?.({ fn, until: now + ms, reason });
    await pause(engine, fn, ms, signal);
    reason = 'budget';
  }
}

function lookupSpec(functions: FunctionRegistry, fn: string, actions: readonly Action[]): FunctionSpec {
  const found = Object.prototype.hasOwnProperty.call(functions, fn) ? functions[fn] : undefined;
  if (!found)
    throw new SmartConnectUsageError(
      `Unknown SmartConnect function "${fn}": it is not in the connection's function registry`,
    );
  if (!actions.includes(found.action)) {
    throw new SmartConnectUsageError(
      `Function "${fn}" is a ${found.action} function; this call needs ${actions.join(' or ')}`,
    );
  }
  return found;
}

/** One attempt's end: a reply to return, a limit refusal to wait out, or a failure. */
type Attempt = { reply: Reply } | { refused: Reply } | { failure: SmartConnectError };

type LogCall = (outcome: string, fields: Record<string, unknown>) => void;

function callLogger(engine: Engine, req: SendRequest, attempt: number): LogCall {
  const started = performance.now();
  return (outcome, fields) => {
    const line = {
      fn: req.fn,
      type: req.spec.type,
      action: req.spec.action,
      attempt,
      durationMs: Math.round(performance.now() - started),
      outcome,
      ...fields,
    };
    if (outcome === 'ok') engine.logger.info('smartconnect call', line);
    else engine.logger.warn('smartconnect call failed', line);
  };
}

/** Sends once and sorts the outcome; counts records and logs the successes and refusals. */
async function attemptOnce(engine: Engine, req: SendRequest, url: string, body: string, logCall: LogCall) {
  const { fn, signal, write } = req;
  const { count } = engine.counters;
  // A write on the wire is not aborted by the caller: its outcome must be known. The caller's
  // signal still stops the wait before it and the batches after it.
  const reply = await exchange({
    url,
    body,
    fn,
    timeoutMs: engine.settings.timeoutMs,
    signal: write ? undefined : signal,
    fetch: engine.settings.doFetch,
    scrub: engine.scrub,
  });
  const kind = classifyReply(reply);
  if (kind === 'hourly-limit') {
    count(fn, 'errors');
    logCall(kind, { httpStatus: reply.httpStatus, serverMessage: reply.errorText });
    return { refused: reply } satisfies Attempt;
  }
  engine.refusalsInARow = 0;
  if (write) {
    const records = req.records ?? 0;
    logCall(kind ?? 'ok', { httpStatus: reply.httpStatus, records, serverMessage: reply.errorText });
    if (kind) count(fn, 'errors');
    else count(fn, 'records', records);
    return { reply } satisfies Attempt;
  }
  const problem = kind ? undefined : req.validate?.(reply.body);
  if (!kind && !problem) {
    const records = Array.isArray(reply.body.records) ? reply.body.records.length : 0;
    count(fn, 'records', records);
    logCall('ok', { httpStatus: reply.httpStatus, records });
    return { reply } satisfies Attempt;
  }
  const failure = kind
    ? replyError(fn, reply, kind)
    : new SmartConnectError({
        kind: 'malformed',
        fn,
        httpStatus: reply.httpStatus,
        message: `${fn}: malformed reply: ${problem}`,
      });
  return { failure } satisfies Attempt;
}

/** Closes the budget for the wait a limit refusal calls for (see limit-refusal.ts). */
function markRefusal(engine: Engine, reply: Reply): void {
  const { budget } = engine.options;
  const now = engine.settings.clock();
  engine.refusalsInARow++;
  const ms = refusalWaitMs({
    refusalsInARow: engine.refusalsInARow,
    now,
    oldestOwnCall: budget.oldestInWindow(now),
    windowMs: ROLLING_WINDOW_MS,
    fullWaitMs: engine.settings.limitRefusalWaitMs,
    retryAfterMs: reply.retryAfterMs,
  });
  budget.markFull(now + ms);
}

async function send(engine: Engine, req: SendRequest): Promise<Reply> {
  const { fn, signal, write } = req;
  const { connection, credentials, budget } = engine.options;
  const { settings, counters } = engine;
  const url = endpointUrl(settings.base, connection.apiVersion, req.spec.type);
  const body = encodeForm(connection, credentials, req.spec.token, req.params);
  let attempt = 0;
  let refusals = 0;
  let waitReason: WaitEvent['reason'] = 'budget';
  for (;;) {
    await waitForSlot(engine, fn, signal, waitReason);
    waitReason = 'budget';
    const recordedAt = settings.clock();
    budget.record(recordedAt);
    counters.count(fn, 'calls');
    attempt++;
    const logCall = callLogger(engine, req, attempt);
    let outcome: Attempt;
    try {
      outcome = await attemptOnce(engine, req, url, body, logCall);
    } catch (e) {
      if (!(e instanceof SmartConnectError)) throw e;
      outcome = { failure: e };
    }
    if ('reply' in outcome) return outcome.reply;
    if ('refused' in outcome) {
      refusals++;
      // A refusal is not a failed attempt: it does not use up the retries.
      attempt--;
      if (refusals > settings.maxLimitRefusals) throw replyError(fn, outcome.refused, 'hourly-limit');
      markRefusal(engine, outcome.refused);
      waitReason = 'server-limit';
      continue;
    }
    const { failure } = outcome;
    // Refused connection, unknown host: the server never saw it, so it does not count this hour.
    if (failure.kind === 'network' && failure.maybeSent === false) budget.unrecord?.(recordedAt);
    counters.count(fn, 'errors');
    logCall(failure.kind, { httpStatus: failure.httpStatus, serverMessage: failure.serverMessage });
    if (failure.kind === 'cancelled') throw failure;
    const retryable = TRANSIENT_KINDS.has(failure.kind) && (!write || failure.maybeSent === false);
    if (!retryable || attempt >= (req.attempts ?? settings.retry.attempts)) throw failure;
    counters.count(fn, 'retries');
    const delay = backoffDelay(attempt - 1, settings.retry);
    engine.logger.info('retrying smartconnect call', { fn, attempt, delayMs: delay, after: failure.kind });
    await pause(engine, fn, delay, signal);
  }
}

export function createCore(options: SmartConnectClientOptions): Core {
  const settings = settingsOf(options);
  // Defence in depth: whatever reaches a log line or an error text is scrubbed of these.
  const secrets = options.secrets ?? new SecretRegistry();
  secrets.add(options.credentials.password);
  for (const spec of Object.values(options.functions)) secrets.add(spec.token);
  const scrub = (text: string) => secrets.scrub(text);
  const counters = createCounters();
  const engine: Engine = { options, settings, counters, logger: options.logger, scrub, refusalsInARow: 0 };
  return {
    batchSize: settings.batchSize,
    idsPerCall: settings.idsPerCall,
    logger: options.logger,
    spec: (fn, actions) => lookupSpec(options.functions, fn, actions),
    send: (req) => send(engine, req),
    throwIfCancelled,
    scrub,
    stats: counters.stats,
  };
}

/** The error kind of a reply, or undefined when it is not an error. */
export function classifyReply(reply: Reply): SmartConnectErrorKind | undefined {
  if (reply.errorText) return classifyServerError(reply.errorText, reply.httpStatus);
  if (reply.httpStatus >= 400) return classifyServerError(undefined, reply.httpStatus);
  return undefined;
}

export function replyError(fn: string, reply: Reply, kind: SmartConnectErrorKind): SmartConnectError {
  const text = reply.errorText;
  return new SmartConnectError({
    kind,
    fn,
    httpStatus: reply.httpStatus,
    serverMessage: text,
    message: `${fn}: ${text ?? `HTTP ${reply.httpStatus}`}`,
    retryable: TRANSIENT_KINDS.has(kind),
  });
}
