/**
 * The rolling-hour call budget of one SmartSimple instance. The server refuses calls once more
 * than HOURLY_CALL_LIMIT were made in the past hour; the client asks the budget before each call
 * and waits for a slot instead of hitting the limit.
 *
 * The arithmetic is the pure `budgetState` over a sorted list of call timestamps, so the SQLite
 * backed budget of the main app implements the same interface by loading the timestamps of the
 * last hour and calling it.
 */
import { HOURLY_CALL_LIMIT, ROLLING_WINDOW_MS } from '../protocol';

export interface CallBudget {
  /** Calls allowed per rolling window (before the reserve). */
  readonly limit: number;
  /** Calls counted in the window ending at `now`. */
  used(now?: number): number;
  /** Calls still allowed now (limit - reserve - used, 0 while marked full). */
  remaining(now?: number): number;
  /** When the next call is allowed (`now` if one is allowed now). */
  nextSlotAt(now?: number): number;
  /** The oldest call counted in the window ending at `now` (undefined when there is none). */
  oldestInWindow(now?: number): number | undefined;
  /** Counts one call made at `at`. */
  record(at?: number): void;
  /** Takes back one call recorded at `at` that never reached the server (refused, unknown host). */
  unrecord?(at: number): void;
  /**
   * The server said the limit is reached although our count may say otherwise (other clients of
   * the same instance): no call until `until`.
   */
  markFull(until: number): void;
}

export interface BudgetStateInput {
  /** Call timestamps in ascending order (older ones are ignored). */
  timestamps: readonly number[];
  now: number;
  limit: number;
  reserve?: number;
  windowMs?: number;
  /** Set by markFull: no slot before it. */
  fullUntil?: number;
}

export interface BudgetState {
  used: number;
  remaining: number;
  nextSlotAt: number;
}

/** Index of the first timestamp inside the window `(now - windowMs, now]`. */
export function firstInWindow(timestamps: readonly number[], now: number, windowMs = ROLLING_WINDOW_MS): number {
  const cutoff = now - windowMs;
  let lo = 0;
  let hi = timestamps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((timestamps[mid] as number) <= cutoff) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Pure budget arithmetic. A call made at `t` occupies a slot until `t + windowMs`. With `used`
 * calls in the window and `allowed = limit - reserve`, the next slot opens when the
 * `(used - allowed + 1)`-th oldest call in the window leaves it.
 */
export function budgetState(input: BudgetStateInput): BudgetState {
  const windowMs = input.windowMs ?? ROLLING_WINDOW_MS;
  const allowed = Math.max(0, input.limit - (input.reserve ?? 0));
  const { timestamps, now } = input;
  const start = firstInWindow(timestamps, now, windowMs);
  // Timestamps in the future (clock skew between writers) still count.
  const used = timestamps.length - start;
  const blocked = input.fullUntil !== undefined && input.fullUntil > now;
  const remaining = blocked ? 0 : Math.max(0, allowed - used);
  let nextSlotAt = now;
  if (used >= allowed) {
    const oldestToExpire = timestamps[start + (used - allowed)];
    nextSlotAt = oldestToExpire === undefined ? now : Math.max(now, oldestToExpire + windowMs);
    // allowed == 0 (reserve >= limit) never opens: report the end of the window as best effort.
    if (allowed === 0) nextSlotAt = Math.max(now, (timestamps[timestamps.length - 1] ?? now) + windowMs);
  }
  if (blocked) nextSlotAt = Math.max(nextSlotAt, input.fullUntil as number);
  return { used, remaining, nextSlotAt };
}

export interface MemoryBudgetOptions {
  limit?: number;
  /** Calls kept back for other uses (e.g. interactive work while a sync runs). */
  reserve?: number;
  clock?: () => number;
  windowMs?: number;
  /** Calls already made (ascending), e.g. loaded from a store; the budget keeps its own copy. */
  initial?: readonly number[];
  /** Told of every recorded call, so a store can keep it across restarts. */
  onRecord?: (at: number) => void;
  /** Told of a call taken back (it never reached the server). */
  onUnrecord?: (at: number) => void;
}

/**
 * The budget over the timestamps of the last window, pruned as it rolls. In memory by default;
 * the main app passes `initial` and `onRecord` to keep the calls in SQLite.
 */
export function createMemoryBudget(options: MemoryBudgetOptions = {}): CallBudget {
  const limit = options.limit ?? HOURLY_CALL_LIMIT;
  const reserve = options.reserve ?? 0;
  const clock = options.clock ?? Date.now;
  const windowMs = options.windowMs ?? ROLLING_WINDOW_MS;
  const timestamps: number[] = [...(options.initial ?? [])];
  let fullUntil: number | undefined;

  const state = (now: number): BudgetState => {
    // Prune what left the window for good, by the clock (a query about an earlier `now` must
    // still see its calls).
    const start = firstInWindow(timestamps, Math.min(now, clock()), windowMs);
    if (start > 0) timestamps.splice(0, start);
    return budgetState({ timestamps, now, limit, reserve, windowMs, fullUntil });
  };

  return {
    limit,
    used: (now = clock()) => state(now).used,
    remaining: (now = clock()) => state(now).remaining,
    nextSlotAt: (now = clock()) => state(now).nextSlotAt,
    oldestInWindow(now = clock()) {
      state(now);
      return timestamps[firstInWindow(timestamps, now, windowMs)];
    },
    record(at = clock()) {
      // Keep ascending order even if calls are recorded out of order.
      let i = timestamps.length;
      while (i > 0 && (timestamps[i - 1] as number) > at) i--;
      timestamps.splice(i, 0, at);
      options.onRecord?.(at);
    },
    unrecord(at) {
      const i = timestamps.lastIndexOf(at);
      if (i < 0) return;
      timestamps.splice(i, 1);
      options.onUnrecord?.(at);
    },
    markFull(until) {
      fullUntil = Math.max(fullUntil ?? 0, until);
    },
  };
}
