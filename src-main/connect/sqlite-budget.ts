/**
 * The rolling-hour call budget of one instance, kept in SQLite so that it survives a restart
 * (a crash loop must not burn the hourly limit). Same interface and arithmetic as the client's
 * in-memory budget; the timestamps of the window are cached and the table is the record.
 */
import type { DB } from '../db/open';
import { callsSince, pruneCalls, recordCall } from '../db/queries/connections';
import { budgetState, firstInWindow, type CallBudget } from '../smartsimple/client';
import { HOURLY_CALL_LIMIT, ROLLING_WINDOW_MS } from '../smartsimple/protocol';

export function createSqliteBudget(
  db: DB,
  instanceId: string,
  options: { limit?: number; reserve?: number; clock?: () => number; windowMs?: number } = {},
): CallBudget {
  const limit = options.limit ?? HOURLY_CALL_LIMIT;
  const clock = options.clock ?? Date.now;
  const windowMs = options.windowMs ?? ROLLING_WINDOW_MS;
  const timestamps = callsSince(db, instanceId, clock() - windowMs);
  let fullUntil: number | undefined;
  let lastPrune = 0;

  const state = (now: number) => {
    const start = firstInWindow(timestamps, Math.min(now, clock()), windowMs);
    if (start > 0) timestamps.splice(0, start);
    return budgetState({ timestamps, now, limit, reserve: options.reserve ?? 0, windowMs, fullUntil });
  };

  return {
    limit,
    used: (now = clock()) => state(now).used,
    remaining: (now = clock()) => state(now).remaining,
    nextSlotAt: (now = clock()) => state(now).nextSlotAt,
    record(at = clock()) {
      let i = timestamps.length;
      while (i > 0 && (timestamps[i - 1] as number) > at) i--;
      timestamps.splice(i, 0, at);
      recordCall(db, instanceId, at);
      // Old rows are of no use; drop them now and then rather than on every call.
      if (at - lastPrune > windowMs / 4) {
        lastPrune = at;
        pruneCalls(db, at - 2 * windowMs);
      }
    },
    markFull(until) {
      fullUntil = Math.max(fullUntil ?? 0, until);
    },
  };
}
