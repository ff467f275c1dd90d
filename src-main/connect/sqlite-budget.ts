/**
 * The rolling-hour call budget of one instance, kept in SQLite so that it survives a restart
 * (a crash loop must not burn the hourly limit): the client's budget, loaded with the calls of
 * the last window and writing each new call to the table.
 */
import type { DB } from '../db/open';
import { callsSince, forgetCall, pruneCalls, recordCall } from './store';
import { createMemoryBudget, type CallBudget } from '../smartsimple/client';
import { ROLLING_WINDOW_MS } from '../smartsimple/protocol';

export function createSqliteBudget(
  db: DB,
  instanceId: string,
  options: { limit?: number; reserve?: number; clock?: () => number; windowMs?: number } = {},
): CallBudget {
  const clock = options.clock ?? Date.now;
  const windowMs = options.windowMs ?? ROLLING_WINDOW_MS;
  let lastPrune = 0;
  return createMemoryBudget({
    ...options,
    initial: callsSince(db, instanceId, clock() - windowMs),
    onRecord(at) {
      recordCall(db, instanceId, at);
      // Old rows are of no use; drop them now and then rather than on every call.
      if (at - lastPrune > windowMs / 4) {
        lastPrune = at;
        pruneCalls(db, at - 2 * windowMs);
      }
    },
    onUnrecord: (at) => forgetCall(db, instanceId, at),
  });
}
