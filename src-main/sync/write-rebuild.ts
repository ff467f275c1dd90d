/**
 * Building a first sync's deferred indexes back (index-store.ts), each in transactions of its own
 * so none holds the write lock for long: an index in one transaction (100,000 rows: a fraction of
 * a second), a log's per-person table in slices sized to the transaction budget, after a sort
 * that writes only the connection's temp database.
 */
import type { DB } from '../db/open';
import type { DeferredItem } from './index-store';
import {
  buildIndex,
  copyShadowSlice,
  deferredItems,
  dropShadowSort,
  finishShadow,
  restoreShadowTrigger,
  sortShadowKeys,
} from './index-store';
import type { BatchAcc, TransactionClock } from './write-transactions';
import { charge, measure } from './write-transactions';
import type { SyncEntity } from './types';

/** Keys of a per-person table copied per slice: as many as the budget allows at the measured rate. */
class CopyRate {
  private msPerRow = 0.003;
  rows(budgetMs: number): number {
    return Math.min(200_000, Math.max(1000, Math.floor(budgetMs / this.msPerRow)));
  }
  record(rows: number, ms: number): void {
    if (rows >= 1000) this.msPerRow = this.msPerRow * 0.5 + (ms / rows) * 0.5;
  }
}

export function createRebuilder(db: DB, clock: TransactionClock, budgetMs: number) {
  const copyRate = new CopyRate();

  const shadow = (acc: BatchAcc, item: DeferredItem) => {
    const mine = () => [{ acc, share: 1 }];
    clock.run(
      () => restoreShadowTrigger(db, item),
      mine,
      () => `trigger ${item.name}`,
    );
    const sorted = measure(() => sortShadowKeys(db, item));
    charge(acc, sorted.ms, sorted.cpuMs);
    try {
      for (let from = 0; ;) {
        const to = Math.min(sorted.value, from + copyRate.rows(budgetMs));
        const last = to >= sorted.value;
        const started = performance.now();
        clock.run(
          () => {
            copyShadowSlice(db, item, from, to);
            if (last) finishShadow(db, item);
          },
          mine,
          () => `${item.tableName} by person ${to - from} keys`,
        );
        copyRate.record(to - from, performance.now() - started);
        if (last) break;
        from = to;
      }
    } finally {
      dropShadowSort(db);
    }
  };

  /** Everything deferred for the entity (or all), built back; its time charged to `acc`. */
  return (acc: BatchAcc, entity: SyncEntity | 'all') => {
    for (const item of deferredItems(db, entity)) {
      if (item.kind === 'index')
        clock.run(
          () => buildIndex(db, item),
          () => [{ acc, share: 1 }],
          () => `index ${item.name}`,
        );
      else shadow(acc, item);
    }
  };
}
