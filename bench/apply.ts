/**
 * bench/apply: SmartConnect calls used to apply plans of 100, 1,000 and 10,000 operations, against
 * the minimum the batch size allows, and the time each takes under the hourly limit. Prints;
 * asserts nothing.
 *
 * - Each size runs on its own sandbox (10,000 people for the biggest), mirrored by the real sync
 *   first; then the sandbox gets its real limit of 1,000 calls a rolling hour and BENCH_LATENCY_MS
 *   (default 150 ms) of latency on every answer, and its clock is moved an hour on so the sync's
 *   calls have left the window.
 * - Two shapes per size: one role grant per person (N people), and a role grant plus a title
 *   change per person (N/2 people, merged into one full-replace update each).
 * - "minimum" is what the batch size allows for the work apply must do: re-read the people (100
 *   ids per List call), write them (batch per Update call), read them back, and one note per
 *   person (batch per call); "writes floor" is the writes and notes alone.
 * - The hourly limit on a simulated clock: the sandbox's clock is the system clock plus an offset,
 *   and the client's sleep, instead of waiting, moves that offset forward. Latency is real (wall
 *   time), waits for the limit are simulated, and "time under the limit" is the sandbox clock's
 *   advance over the apply: wall time plus every simulated wait.
 * - "ideal" is the least time those same calls can take under the limit: the calls back to back at
 *   the measured wall time per call, each call past the first `limit` waiting exactly until the
 *   call `limit` places before it leaves the rolling hour, so (full windows) hours plus the last
 *   window's calls. "vs ideal" is the time under the limit over it (1.00 wastes no wait).
 * BENCH_SIZES=100,1000 makes a quick run; BENCH_BATCHES=50,10 adds smaller batches (at batch 10,
 * 10,000 operations need more calls than an hour allows, which shows the simulated waits).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { silentLogger } from '../src-main/log/logger';
import { applyPlan, estimateCalls, reviewPlan } from '../src-main/plans';
import { makeClient, mirroredSandbox, testJob } from '../src-main/plans/test-support/fixture';
import { approvedPlan, bulkOperations } from '../src-main/plans/test-support/scenario';
import { HOURLY_CALL_LIMIT } from '../src-main/smartsimple/protocol';
import type { OperationInput } from '../src-main/plans';
import type { SandboxHandle } from '../src-main/smartsimple/sandbox';

const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 150);
const BATCHES = (process.env.BENCH_BATCHES ?? '50').split(',').map(Number);
const HOUR = 3_600_000;

/** One role grant per person, or a grant and a title change per person. */
function shape(sb: SandboxHandle, n: number, perPerson: 1 | 2): OperationInput[] {
  if (perPerson === 1)
    return bulkOperations(sb, n)
      .filter((o) => o.kind === 'add_role')
      .slice(0, n);
  const grants = bulkOperations(sb, n / 2).filter((o) => o.kind === 'add_role');
  const titles = grants.map((g) => ({
    kind: 'update_fields' as const,
    personId: (g as { personId: number }).personId,
    fields: { sf_Title: 'Benchmarked' },
  }));
  return [...grants, ...titles];
}

/** The least time `calls` sequential calls of `perCallMs` each can take under `limit` calls a rolling hour. */
export function idealTime(calls: number, perCallMs: number, limit = HOURLY_CALL_LIMIT): number {
  if (calls <= 0) return 0;
  const fullWindows = Math.ceil(calls / limit) - 1;
  return fullWindows * HOUR + (calls - fullWindows * limit) * perCallMs;
}

const fmt = (ms: number) => (ms >= HOUR ? `${(ms / HOUR).toFixed(2)} h` : `${(ms / 1000).toFixed(1)} s`);

export async function benchApply(): Promise<void> {
  console.log(
    `bench/apply: batch ${BATCHES.join(' and ')}, 100 ids per read, ${LATENCY_MS} ms latency per call, limit ${HOURLY_CALL_LIMIT} calls a rolling hour (simulated clock)`,
  );
  console.log(
    '  batch | operations | people | calls | minimum | ratio | writes floor (ratio) | 1 call/op would be | wall time | time under the limit | ideal | vs ideal | waits',
  );
  for (const BATCH of BATCHES)
    for (const size of SIZES) {
      for (const perPerson of [1, 2] as const) {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-apply-'));
        const people = Math.ceil(size / perPerson) + 300;
        const { sb, db, instanceId } = await mirroredSandbox(dir, {
          people,
          clock: 'system',
          hourlyLimit: 1_000_000_000,
        });
        try {
          const ops = shape(sb, size, perPerson);
          const plan = approvedPlan(db, instanceId, ops, `bench ${size}`);
          const estimate = reviewPlan(db, plan.id, { batchSize: BATCH }).estimate;
          // The real limit from now on, and an empty window.
          sb.settings.hourlyLimit = HOURLY_CALL_LIMIT;
          sb.clock.advance(HOUR + 1000);
          sb.faults.setLatency(LATENCY_MS);
          const { client, waits } = makeClient(sb, { limit: HOURLY_CALL_LIMIT, overrides: { timeoutMs: 60_000 } });
          const requestsBefore = sb.requestLog.length;
          const simStart = sb.clock.now();
          const wallStart = performance.now();
          const result = await applyPlan({
            db,
            client,
            instanceId,
            planId: plan.id,
            ctx: testJob().ctx,
            approver: 'bench',
            logger: silentLogger,
            batchSize: BATCH,
            waits,
          });
          const wall = performance.now() - wallStart;
          const simulated = sb.clock.now() - simStart;
          const calls = sb.requestLog.length - requestsBefore;
          const minimum = estimateCalls(plan.operations, { batchSize: BATCH, idsPerCall: 100 });
          const ideal = idealTime(calls, calls > 0 ? wall / calls : 0);
          const naive = 4 * ops.length;
          const naiveTime = Math.max(0, Math.ceil(naive / HOURLY_CALL_LIMIT) - 1) * HOUR + naive * LATENCY_MS;
          console.log(
            `  ${String(BATCH).padStart(5)} | ${String(ops.length).padStart(10)} | ${String(estimate.people).padStart(6)} | ${String(calls).padStart(5)} | ${String(minimum.total).padStart(7)} | ${(calls / minimum.total).toFixed(2).padStart(5)} | ${`${minimum.minimumWrites} (${(calls / minimum.minimumWrites).toFixed(2)})`.padStart(20)} | ${`${naive} calls, ~${fmt(naiveTime)}`.padStart(18)} | ${fmt(wall).padStart(9)} | ${fmt(simulated).padStart(20)} | ${fmt(ideal).padStart(7)} | ${(ideal > 0 ? simulated / ideal : 1).toFixed(2).padStart(8)} | ${String(client.stats().waits).padStart(5)}`,
          );
          if (result.summary.verified !== ops.length) console.log(`    note: ${result.message}`);
        } finally {
          await sb.close();
          db.close();
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }
    }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchApply();
