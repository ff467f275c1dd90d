/**
 * bench/detectors-replay: the incremental scan of bench/detectors.ts again, on a copy of the mirror
 * it kept (DETECTORS_BENCH_KEEP=DIR), without generating and syncing a sandbox: for profiling and
 * for checking a change of the scan. Prints, asserts nothing.
 *
 *   npx tsx bench/detectors-replay.ts DIR/detectors-10000.sqlite [runs]
 *
 * Each run scans a fresh copy in this thread (so `node --cpu-prof` sees it). Then, on two more
 * copies judged at the same moment, the incremental scan and a full one: the findings still
 * detected and the risk scores of the two are compared row by row (what the incremental scan must
 * find is what a full scan finds). REPLAY_DIFF=FILE writes the keys that differ, REPLAY_DUMP=FILE the
 * incremental scan's findings and risk scores (to compare two versions of the scan); REPLAY_COMPARE=0
 * leaves the comparison out.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DB } from '../src-main/db/open';
import { chooseAsOf, runScan, type ScanRequest } from '../src-main/investigate/scan/scan';

const [file, runsArg] = process.argv.slice(2);
if (!file) throw new Error('usage: npx tsx bench/detectors-replay.ts DIR/detectors-<people>.sqlite [runs]');
const { request } = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')) as { request: ScanRequest };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-bench-replay-'));
const hooks = { progress: () => undefined, throwIfCancelled: () => undefined };

function copy(name: string): DB {
  const to = path.join(dir, `${name}.sqlite`);
  fs.copyFileSync(file!, to);
  return openDatabase(to).db;
}

function scan(db: DB, mode: 'full' | 'incremental', asOf: number) {
  const result = runScan(db, { ...request, mode, asOf }, hooks);
  return result;
}

const findings = (db: DB) =>
  new Map(
    (
      db
        .prepare(
          'SELECT key, fingerprint, status FROM investigate_findings WHERE instance_id = ? AND detected = 1 ORDER BY key',
        )
        .raw(true)
        .all(request.instanceId) as [string, string, string][]
    ).map(([k, ...rest]) => [k, rest.join(' ')]),
  );
const risk = (db: DB) =>
  new Map(
    db
      .prepare('SELECT person_id, contributions FROM investigate_risk WHERE instance_id = ?')
      .raw(true)
      .all(request.instanceId) as [number, string][],
  );

function differences<K>(a: Map<K, string>, b: Map<K, string>): K[] {
  const out: K[] = [];
  for (const [k, v] of a) if (b.get(k) !== v) out.push(k);
  for (const k of b.keys()) if (!a.has(k)) out.push(k);
  return out;
}

function main(): void {
  const probe = copy('probe');
  const asOf = chooseAsOf(probe, request.instanceId);
  probe.close();
  console.log(
    `bench/detectors-replay ${path.basename(file!)}; ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  for (let i = 0; i < Number(runsArg ?? 3); i++) {
    const db = copy(`run-${i}`);
    const r = scan(db, 'incremental', asOf);
    console.log(
      `  incremental scan (this thread) ${String(r.summary.ms).padStart(6)} ms  ${r.kind}, ${r.summary.people} people, ` +
        `+${r.summary.added} -${r.summary.cleared}  load ${os.loadavg()[0]!.toFixed(1)}  ${JSON.stringify(r.summary.phases)}`,
    );
    db.close();
  }
  if (process.env.REPLAY_COMPARE === '0') return fs.rmSync(dir, { recursive: true, force: true });
  const inc = copy('inc');
  scan(inc, 'incremental', asOf);
  const full = copy('full');
  const f = scan(full, 'full', asOf);
  console.log(
    `  full scan on the same mirror ${String(f.summary.ms).padStart(6)} ms  load ${os.loadavg()[0]!.toFixed(1)}  ${JSON.stringify(f.summary.phases)}`,
  );
  const df = differences(findings(inc), findings(full));
  const dr = differences(risk(inc), risk(full));
  const byKind: Record<string, number> = {};
  for (const key of df) byKind[key.split(':')[0]!] = (byKind[key.split(':')[0]!] ?? 0) + 1;
  console.log(
    `  incremental vs full: ${findings(full).size} findings, ${df.length} differ ${JSON.stringify(byKind)}; ` +
      `${risk(full).size} risk scores, ${dr.length} differ`,
  );
  if (process.env.REPLAY_DUMP)
    fs.writeFileSync(
      process.env.REPLAY_DUMP,
      [...[...findings(inc)].map((r) => r.join(' ')), ...[...risk(inc)].map((r) => r.join(' '))].sort().join('\n'),
    );
  if (process.env.REPLAY_DIFF) fs.writeFileSync(process.env.REPLAY_DIFF, [...df, ...dr.map(String)].sort().join('\n'));
  inc.close();
  full.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main();
