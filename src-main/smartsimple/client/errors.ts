/**
 * What went wrong with a SmartConnect call, decided from the server's own message text (the
 * status code is only a fallback when there is no text). The text -> kind mapping is the one
 * table `ERROR_CLASSIFICATION` below: change it there when a real instance says otherwise.
 */
import { DUPLICATE_ASSOCIATION_TEXT, ERROR_TEXTS } from '../protocol';

export type SmartConnectErrorKind =
  | 'invalid-token'
  | 'credentials'
  | 'hourly-limit'
  | 'not-found'
  | 'bad-request'
  | 'server'
  | 'network'
  | 'timeout'
  | 'malformed'
  | 'unknown-outcome'
  | 'cancelled'
  | 'https-required';

/** Kinds worth retrying (with backoff) for a read; never for a write. */
export const TRANSIENT_KINDS: ReadonlySet<SmartConnectErrorKind> = new Set([
  'network',
  'timeout',
  'server',
  'malformed',
]);

export interface ErrorRule {
  /** A documented text (matched case-insensitively as a substring) or a pattern. */
  match: string | RegExp;
  kind: SmartConnectErrorKind;
  /** Why, for the next reader. */
  note: string;
}

/**
 * THE table. First match wins, so specific texts go before the broad patterns. A text no rule
 * matches is 'bad-request' (never retried): an unknown text may well be a login failure, and a
 * retry could lock the API account.
 */
export const ERROR_CLASSIFICATION: readonly ErrorRule[] = [
  { match: ERROR_TEXTS.hourlyLimit, kind: 'hourly-limit', note: 'wait for the rolling hour, never hammer' },
  {
    match: /within the hour|maximum limit|rate limit|too many (api )?(calls|requests)/i,
    kind: 'hourly-limit',
    note: 'variants of the limit text',
  },
  {
    match: ERROR_TEXTS.invalidToken,
    kind: 'invalid-token',
    note: 'function deleted or token regenerated: fix the registry',
  },
  {
    match: ERROR_TEXTS.wrongEndpoint,
    kind: 'invalid-token',
    note: 'token is for another record type: fix the registry',
  },
  { match: ERROR_TEXTS.credentials, kind: 'credentials', note: 'never retried: password policies lock accounts' },
  // The real credential texts are unknown: anything that smells of a login failure is one.
  {
    match: /password|credential|login|log in|username|authenticat|unauthori[sz]ed|access denied|locked/i,
    kind: 'credentials',
    note: 'unknown login texts',
  },
  { match: ERROR_TEXTS.httpsRequired, kind: 'https-required', note: 'the server refuses plain http' },
  { match: ERROR_TEXTS.notFound, kind: 'not-found', note: 'no such record (or soft-deleted)' },
  { match: ERROR_TEXTS.emptyRequest, kind: 'bad-request', note: 'client bug: parameters missing' },
  { match: ERROR_TEXTS.otherSettings, kind: 'bad-request', note: 'client bug: othersettings' },
  { match: ERROR_TEXTS.record, kind: 'bad-request', note: 'the data of a record was refused' },
  { match: DUPLICATE_ASSOCIATION_TEXT, kind: 'bad-request', note: 'the contact already holds that role there' },
  // A criteria/sort the server cannot run (a field not in the list, a bad value): the same query
  // fails the same way again, so no retry. A List failing for its size should be asked in smaller pages.
  { match: ERROR_TEXTS.list, kind: 'bad-request', note: 'the query was refused' },
  { match: ERROR_TEXTS.server, kind: 'server', note: 'server fault' },
];

/** Classifies a server error text; `undefined` text falls back to the HTTP status. */
export function classifyServerError(text: string | undefined, httpStatus: number): SmartConnectErrorKind {
  if (text) {
    const lower = text.toLowerCase();
    for (const rule of ERROR_CLASSIFICATION) {
      if (typeof rule.match === 'string' ? lower.includes(rule.match.toLowerCase()) : rule.match.test(text))
        return rule.kind;
    }
    return httpStatus >= 500 ? 'server' : 'bad-request';
  }
  // No text at all: the status is all there is.
  if (httpStatus >= 500) return 'server';
  if (httpStatus === 401 || httpStatus === 403) return 'credentials';
  if (httpStatus === 429) return 'hourly-limit';
  return 'bad-request';
}

export interface SmartConnectErrorInit {
  kind: SmartConnectErrorKind;
  message: string;
  fn?: string | undefined;
  serverMessage?: string | undefined;
  httpStatus?: number | undefined;
  retryable?: boolean | undefined;
  cause?: unknown;
  /** For write calls: the batch in doubt, the completed results, the unsent rest. */
  partial?: PartialWrite | undefined;
  /** For 'unknown-outcome': what the underlying failure was (timeout, network, server, malformed). */
  underlyingKind?: SmartConnectErrorKind | undefined;
  /** Whether the request may have reached the server (false: certainly not, safe to resend). */
  maybeSent?: boolean | undefined;
}

/** One item of a write call as it goes on the wire, with its position in the caller's array. */
export interface IndexedInput {
  index: number;
  item: Record<string, unknown>;
  /** The fields the caller meant to change (read-modify-write knows them); reconcile checks these. */
  changed?: string[];
}

/** Per-record result of update/create/delete/associations-update. */
export interface WriteResult {
  /** 0-based position in the caller's input array. */
  index: number;
  ok: boolean;
  /** The id the server reports (the new id for a create). */
  recordid?: string | undefined;
  /** The server's per-record status text ("updated successfully" or an error text). */
  status: string;
  /** Set when `ok` is false. */
  errorKind?: SmartConnectErrorKind | undefined;
  /**
   * The server refused the whole batch because of another record (all-or-nothing batches): the
   * input index of that record. This one was not applied and may be resent as it is.
   */
  blockedBy?: number | undefined;
}

export type WriteOperation = 'update' | 'create' | 'delete' | 'associations-update';

/** Where a write call stood when it failed part-way (any kind, not only 'unknown-outcome'). */
export interface PartialWrite {
  operation: WriteOperation;
  /** The batch whose outcome is unknown ('unknown-outcome' only): may or may not be applied. */
  inFlight: IndexedInput[];
  /** Results of the batches that completed before. */
  completed: WriteResult[];
  /** Inputs of later batches that were never sent. */
  unsent: IndexedInput[];
}

export class SmartConnectError extends Error {
  override readonly name = 'SmartConnectError';
  readonly kind: SmartConnectErrorKind;
  readonly fn: string | undefined;
  /** The server's own text, verbatim (secrets scrubbed). */
  readonly serverMessage: string | undefined;
  readonly httpStatus: number | undefined;
  readonly retryable: boolean;
  /** Write calls: what completed, what is in doubt, what was never sent. */
  readonly partial: PartialWrite | undefined;
  readonly underlyingKind: SmartConnectErrorKind | undefined;
  readonly maybeSent: boolean | undefined;

  constructor(init: SmartConnectErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.fn = init.fn;
    this.serverMessage = init.serverMessage;
    this.httpStatus = init.httpStatus;
    this.retryable = init.retryable ?? TRANSIENT_KINDS.has(init.kind);
    this.partial = init.partial;
    this.underlyingKind = init.underlyingKind;
    this.maybeSent = init.maybeSent;
  }
}

/** A programming error: unknown function name, wrong action for it, bad argument. */
export class SmartConnectUsageError extends Error {
  override readonly name = 'SmartConnectUsageError';
}

export function isSmartConnectError(e: unknown, kind?: SmartConnectErrorKind): e is SmartConnectError {
  return e instanceof SmartConnectError && (kind === undefined || e.kind === kind);
}

export function cancelledError(fn?: string): SmartConnectError {
  return new SmartConnectError({ kind: 'cancelled', message: 'cancelled', fn, retryable: false });
}
