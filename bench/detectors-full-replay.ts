/**
 * bench/detectors-full-replay: a first full scan again, in its worker with its second thread as the
 * app runs it, on fresh copies of a mirror bench/detectors.ts kept (DETECTORS_BENCH_KEEP=DIR), each
 * beside one raw scan of the same log. Without generating and syncing a sandbox: for comparing two
 * versions of the scan (run each version's in turn, alternating, as the machine's speed drifts).
 * Prints, asserts nothing.
 *
 *   npx tsx bench/support/run-bundled.ts bench/detectors-full-replay.ts DIR/detectors-100000.sqlite [runs]
 *
 * Each copy first loses what earlier scans kept (findings, risk scores, state, peer counts, scan
 * records), so each scan is a first one. REPLAY_DUMP=FILE writes what the last scan saved (each
 * finding's key, fingerprint and state, the risk scores, everyone's kept state, the peer counts),
 * a line each, for `cmp` against another version's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DB } from '../src-main/db/open';
import { runScanOffThread } from '../src-main/investigate/scan/run-in-worker';
import { chooseAsOf, type ScanRequest } from '../src-main/investigate/scan/scan';
import { keyRange, rawSessionScan } from '../src-main/investigate/scan/scan-store';
import { quietJob } from './support/quiet-job';

const KEPT = [
  'investigate_findings',
  'investigate_risk',
  'investigate_person_state',
  'investigate_peer_groups',
  'investigate_peer_roles',
  'investigate_scans',
];

const DUMP = [
  'SELECT key, fingerprint, detected, status FROM investigate_findings ORDER BY key',
  'SELECT person_id, score, contributions FROM investigate_risk ORDER BY person_id',
  `SELECT person_id, last_session_at, sessions, peer_group, last_activity, expiry, role_ids
   FROM investigate_person_state ORDER BY person_id`,
  'SELECT peer_group, size FROM investigate_peer_groups ORDER BY 1',
  'SELECT peer_group, role_id, holders FROM investigate_peer_roles ORDER BY 1, 2',
];

function dump(db: DB, file: string): void {
  const lines = DUMP.flatMap((sql) => (db.prepare(sql).raw(true).all() as unknown[][]).map((r) => r.join(' ')));
  fs.writeFileSync(file, lines.join('\n'));
}

async function main(): Promise<void> {
  const [file, runsArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: bench/detectors-full-replay.ts DIR/detectors-<people>.sqlite [runs]');
  const { request } = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')) as { request: ScanRequest };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-bench-full-replay-'));
  console.log(`bench/detectors-full-replay ${path.basename(file)}; ${os.cpus().length} cores`);
  try {
    for (let i = 0; i < Number(runsArg ?? 3); i++) {
      const copy = path.join(dir, `run-${i}.sqlite`);
      fs.copyFileSync(file, copy);
      const { db } = openDatabase(copy);
      try {
        for (const table of KEPT) db.prepare(`DELETE FROM ${table}`).run();
        const range = keyRange(db, request.instanceId)!;
        rawSessionScan(db, range);
        const r0 = performance.now();
        rawSessionScan(db, range);
        const raw = performance.now() - r0;
        // A day past the log's newest row, whatever the time now: every run, and every version of
        // the scan, judges the same moment, so their results compare.
        const asOf = chooseAsOf(db, request.instanceId, Number.MAX_SAFE_INTEGER);
        const r = await runScanOffThread(db, { ...request, mode: 'full', asOf }, quietJob());
        const ratio = (r.summary.ms / raw).toFixed(2);
        console.log(
          `  raw scan ${raw.toFixed(0)} ms, first full scan ${r.summary.ms} ms (${ratio} x), load ${os.loadavg()[0]!.toFixed(1)}  ${JSON.stringify(r.summary.phases)}`,
        );
        if (process.env.REPLAY_DUMP) dump(db, process.env.REPLAY_DUMP);
      } finally {
        db.close();
        fs.rmSync(copy, { force: true });
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
