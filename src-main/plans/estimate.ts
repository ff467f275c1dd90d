/**
 * What a plan will cost in SmartConnect calls, computed the way apply spends them on the happy
 * path (apply-plan.ts and its phases):
 * - changes to existing people: re-read (ids or-ed, `idsPerCall` per List call), one merged
 *   full-replace record per person, `batchSize` records per Update call, and a read-back;
 * - new people: one List by e-mail per round, creates in batches, a read-back;
 * - program assignments: each touched program listed before and after, items in batches;
 * - one note (transaction) per changed person and source, in batches.
 * Faults cost more (a bad record in a batch is found by halving; an unknown outcome is read back).
 */
import type { CallBudget } from '../smartsimple/client';
import { ROLLING_WINDOW_MS } from '../smartsimple/protocol';
import { roundSize } from './apply/apply-plan';
import { ASSOCIATION_KINDS, USER_RECORD_KINDS, type Operation } from './types';
import type { CallEstimate } from '../../src-preload/contract';

export type { CallEstimate };

const ceil = (n: number, d: number) => Math.ceil(n / d);

export function estimateCalls(
  ops: readonly Pick<Operation, 'kind' | 'personId' | 'params' | 'source'>[],
  options: { batchSize: number; idsPerCall: number; budget?: CallBudget; now?: number },
): CallEstimate {
  const { batchSize, idsPerCall } = options;
  const round = roundSize(batchSize, idsPerCall);
  const people = new Set(ops.filter((o) => USER_RECORD_KINDS.has(o.kind)).map((o) => o.personId)).size;
  const creates = ops.filter((o) => o.kind === 'create_person').length;
  const assoc = ops.filter((o) => ASSOCIATION_KINDS.has(o.kind));
  const programs = new Set(assoc.map((o) => o.params.programId)).size;
  const noted = new Set(ops.map((o, i) => `${o.personId ?? `new${i}`}:${o.source}`)).size;

  let createReads = 0;
  let createWrites = 0;
  let createVerifies = 0;
  for (let left = creates; left > 0; left -= round) {
    const n = Math.min(left, round);
    createReads += 1;
    createWrites += ceil(n, batchSize);
    createVerifies += ceil(n, idsPerCall);
  }
  const reads = ceil(people, idsPerCall) + createReads + programs;
  const writes = ceil(people, batchSize) + createWrites + ceil(assoc.length, batchSize);
  const verifies = ceil(people, idsPerCall) + createVerifies + programs;
  const notes = ceil(noted, batchSize);
  const total = reads + writes + verifies + notes;
  const minimumWrites = ceil(people, batchSize) + ceil(creates, batchSize) + ceil(assoc.length, batchSize) + notes;

  let budget: CallEstimate['budget'] = null;
  if (options.budget) {
    const now = options.now ?? Date.now();
    const remaining = options.budget.remaining(now);
    const limit = options.budget.limit;
    const beyond = Math.max(0, total - remaining);
    budget = {
      limit,
      remaining,
      fitsNow: beyond === 0,
      waitMs: beyond === 0 ? 0 : Math.ceil(beyond / Math.max(1, limit)) * ROLLING_WINDOW_MS,
    };
  }
  return {
    reads,
    writes,
    verifies,
    notes,
    total,
    minimumWrites,
    people: people + creates,
    batchSize,
    idsPerCall,
    budget,
  };
}
