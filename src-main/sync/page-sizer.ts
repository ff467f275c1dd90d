/**
 * How many records a sync asks for per page. The configured size (1,000 by default: the vendor's
 * comfort line) while the server answers well; half of it after a page that failed or came back
 * slowly, down to a floor; and back up, doubling, after a run of good pages. A failed page is asked
 * again at the smaller size at once (the client's own retries are for the floor), so a server that
 * cannot serve big pages costs a few calls, not the run.
 *
 * Keyed paging (`id > last id`) makes any size change safe: the next page starts after the last
 * committed record whatever the size of the one before.
 */
import { SmartConnectError, TRANSIENT_KINDS } from '../smartsimple/client';
import { ERROR_TEXTS } from '../smartsimple/protocol';

export interface PageSizerOptions {
  /** The smallest size it backs off to (default 100, or the configured size when smaller). */
  min?: number;
  /** A page answered slower than this halves the next ones (default 15 s: half the call timeout). */
  slowMs?: number;
  /** Good pages in a row before the size doubles back towards the configured one (default 3). */
  recoverAfter?: number;
}

export const DEFAULT_MIN_PAGE = 100;
export const DEFAULT_SLOW_PAGE_MS = 15_000;

/** A failure a smaller page may not meet: the server broke, timed out, or refused the listing. */
export function isPageSizeFailure(e: unknown): boolean {
  if (!(e instanceof SmartConnectError)) return false;
  if (TRANSIENT_KINDS.has(e.kind)) return true;
  // "Encountered error while processing list": the vendor's text for a List it could not run,
  // which it warns happens above 1,000 records. A query that fails at any size still fails at the floor.
  return e.kind === 'bad-request' && (e.serverMessage ?? '').toLowerCase().includes(ERROR_TEXTS.list.toLowerCase());
}

export class PageSizer {
  readonly min: number;
  private readonly slowMs: number;
  private readonly recoverAfter: number;
  private current: number;
  private goodInARow = 0;
  /** How often it backed off, for the log and the benchmark. */
  backoffs = 0;

  constructor(
    readonly max: number,
    options: PageSizerOptions = {},
  ) {
    this.min = Math.min(max, options.min ?? DEFAULT_MIN_PAGE);
    this.slowMs = options.slowMs ?? DEFAULT_SLOW_PAGE_MS;
    this.recoverAfter = options.recoverAfter ?? 3;
    this.current = max;
  }

  /** Records to ask for in the next page. */
  get size(): number {
    return this.current;
  }

  /** Above the floor a failed page is not retried as it was: it is asked again smaller. */
  get canShrink(): boolean {
    return this.current > this.min;
  }

  /** A page of this size came back after `ms`. */
  answered(ms: number, askedFor: number): void {
    if (ms > this.slowMs) {
      this.shrinkFrom(askedFor);
      return;
    }
    if (askedFor < this.current) return;
    if (this.current < this.max && ++this.goodInARow >= this.recoverAfter) {
      this.current = Math.min(this.max, this.current * 2);
      this.goodInARow = 0;
    }
  }

  /** A page of this size failed: true when the next try is smaller, false when at the floor. */
  failed(askedFor: number): boolean {
    if (askedFor <= this.min) return false;
    this.shrinkFrom(askedFor);
    return true;
  }

  private shrinkFrom(askedFor: number): void {
    const next = Math.max(this.min, Math.floor(Math.min(askedFor, this.current) / 2));
    if (next < this.current) this.backoffs++;
    this.current = next;
    this.goodInARow = 0;
  }
}
