/**
 * Building a first sync's deferred indexes back (index-store.ts), each in transactions of its own
 * so none holds the write lock for long: an index in one transaction (100,000 rows: a fraction of
 * a second), a log's per-person table in slices sized to the transaction budget, after a sort
 * that writes only the connection's temp database. And merging the people search index, a slice
 * of pages per transaction.
 */
import type { DB } from '../db/open';
import type { DeferredItem } from './index-store';
import {
  buildIndex,
  copyShadowSlice,
  deferredItems,
  dropShadowSort,
  finishShadow,
  mergeSearchIndexStep,
  restoreShadowTrigger,
  sortShadowKeys,
} from './index-store';
import type { BatchAcc, TransactionClock } from './write-transactions';
import { charge, measure } from './write-transactions';
import { DecayingRate } from './write-slicer';
import type { SyncEntity } from './types';

/** Units (keys copied, pages merged) per slice: as many as the budget allows at the measured rate. */
class CopyRate {
  private readonly rate = new DecayingRate();
  constructor(private readonly initialMsPerUnit: number) {}
  rows(budgetMs: number, min = 1000, max = 200_000): number {
    const msPerUnit = Math.max(1e-5, this.rate.value ?? this.initialMsPerUnit);
    return Math.min(max, Math.max(min, Math.floor(budgetMs / msPerUnit)));
  }
  record(units: number, ms: number): void {
    // A CPU clock ticks every few ms: a shorter reading (a small log's keys) would say the work is
    // free, and the next table would go in one slice.
    if (ms >= MIN_READING_MS) this.rate.record(units, ms);
  }
}

export function createRebuilder(db: DB, clock: TransactionClock, budgetMs: number) {
  const copyRate = new CopyRate(0.003);

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
        const to = Math.min(sorted.value, from + copyRate.rows(clock.workBudgetMs(budgetMs)));
        const last = to >= sorted.value;
        clock.run(
          () => {
            copyShadowSlice(db, item, from, to);
            if (last) finishShadow(db, item);
          },
          mine,
          () => `${item.tableName} by person ${to - from} keys`,
        );
        copyRate.record(to - from, clock.lastWorkMs);
        if (last) break;
        from = to;
      }
    } finally {
      dropShadowSort(db);
    }
  };

  const mergeRate = new CopyRate(0.05);
  return {
    /** Everything deferred for the entity (or all), built back; its time charged to `acc`. */
    indexes(acc: BatchAcc, entity: SyncEntity | 'all') {
      for (const item of deferredItems(db, entity)) {
        if (item.kind === 'index')
          clock.run(
            () => buildIndex(db, item),
            () => [{ acc, share: 1 }],
            () => `index ${item.name}`,
          );
        else shadow(acc, item);
      }
    },
    /** The people search index merged into one segment, a budget's worth of pages per transaction. */
    searchIndex(acc: BatchAcc) {
      for (let step = 0; step < MAX_MERGE_STEPS; step++) {
        const pages = mergeRate.rows(clock.workBudgetMs(budgetMs), 50, 20_000);
        const merged = clock.run(
          () => mergeSearchIndexStep(db, pages),
          () => [{ acc, share: 1 }],
          () => `search index merge of ${pages} pages`,
        );
        mergeRate.record(pages, clock.lastWorkMs);
        if (!merged) break;
      }
    },
  };
}

const MIN_READING_MS = 5;

/** A bound on merge steps, should the index keep reporting work (it would be a bug). */
const MAX_MERGE_STEPS = 100_000;
