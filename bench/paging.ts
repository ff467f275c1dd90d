/**
 * bench/paging: calls and wall time to list every person of a 100,000-person sandbox at page sizes
 * 100, 500, 1,000 and 5,000, with 150 ms of simulated latency per call, side by side in one run;
 * and the share of the hourly budget (1,000 calls) each would use. Prints; asserts nothing.
 * BENCH_PEOPLE and BENCH_LATENCY_MS make a quick run possible.
 */
import { performance } from 'node:perf_hooks';
import { silentLogger } from '../src-main/log/logger';
import { createMemoryBudget } from '../src-main/smartsimple/client';
import { clientOnSandbox } from '../src-main/smartsimple/sandbox/client-on-sandbox';
import { HOURLY_CALL_LIMIT } from '../src-main/smartsimple/protocol';
import { startSandbox } from '../src-main/smartsimple/sandbox/server';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 150);
const PAGE_SIZES = [100, 500, 1000, 5000];

export async function benchPaging(): Promise<void> {
  const t0 = performance.now();
  // The limit is raised so the benchmark is not an hour long; the budget each run WOULD use is printed.
  const sandbox = await startSandbox({ people: PEOPLE, seed: 7, port: 0, hourlyLimit: 1_000_000 });
  console.log(
    `bench/paging: sandbox of ${PEOPLE.toLocaleString('en')} people seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${LATENCY_MS} ms latency per call`,
  );
  sandbox.faults.setLatency(LATENCY_MS);
  console.log('  page size |  calls | minimum | wall time | records/s | hourly budget used');
  try {
    for (const pageSize of PAGE_SIZES) {
      const client = clientOnSandbox(sandbox, {
        budget: createMemoryBudget({ limit: 1_000_000 }),
        logger: silentLogger,
        timeoutMs: 120_000,
      });
      const start = performance.now();
      let records = 0;
      for await (const page of client.list('users.list', { pageSize })) records += page.records.length;
      const seconds = (performance.now() - start) / 1000;
      const calls = client.stats().calls;
      const minimum = Math.ceil(records / pageSize);
      console.log(
        `  ${String(pageSize).padStart(9)} | ${String(calls).padStart(6)} | ${String(minimum).padStart(7)} | ${seconds.toFixed(1).padStart(7)} s | ${Math.round(
          records / seconds,
        )
          .toLocaleString('en')
          .padStart(
            9,
          )} | ${((calls / HOURLY_CALL_LIMIT) * 100).toFixed(1).padStart(6)} %${calls > HOURLY_CALL_LIMIT ? ' (over the limit: would wait)' : ''}`,
      );
      if (records !== PEOPLE) console.log(`    note: listed ${records} records, expected ${PEOPLE}`);
    }
  } finally {
    await sandbox.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPaging();
