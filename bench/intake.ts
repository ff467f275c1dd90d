/**
 * bench/intake: intake on the sample documents (resources/intake-samples, each with its
 * .expected.json): field accuracy per format and time per document, side by side, plus the main
 * thread's event-loop delay while OCR runs in the worker. Asserts nothing.
 *
 *   npx tsx bench/intake.ts                      in-process, the samples
 *   INTAKE_SAMPLES=DIR npx tsx bench/intake.ts   another folder of documents with .expected.json
 *   INTAKE_VIA_DESK=1 npx tsx bench/intake.ts    through `desk intake FILE --json` (a process per document)
 *
 * Times are warm (the first document of the run starts the worker and the OCR engine: that cold
 * start is printed on its own). Targets: clean documents 100%, scans >= 95%; text PDF, DOCX and
 * e-mail under 1 s, an OCR page under 5 s.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openDatabase } from '../src-main/db/open';
import { createIntakeService } from '../src-main/intake/intake-service';
import { intakeJson } from '../src-main/cli/commands/intake';
import { runDesk } from '../src-main/cli/test-support/run-desk';
import { scoreDocument, type ExpectedFile, type Score } from './intake-score';

const dir = path.resolve(
  process.env.INTAKE_SAMPLES ?? path.join(import.meta.dirname, '..', 'resources', 'intake-samples'),
);
const viaDesk = process.env.INTAKE_VIA_DESK === '1';
const files = fs
  .readdirSync(dir)
  .filter((f) => !f.endsWith('.expected.json') && fs.existsSync(path.join(dir, `${f}.expected.json`)))
  .sort();
const data = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-bench-intake-'));
const { db } = openDatabase(path.join(data, 'admin-desk.sqlite'));
const intake = createIntakeService({ db, blobDir: path.join(data, 'intake') });

interface Row extends Score {
  file: string;
  format: string;
  kind: string;
  ms: number;
  /** CPU time of this process, all threads (the machine may be shared: this is what the read itself cost). */
  cpuMs: number;
  pages: number;
}

type Json = ReturnType<typeof intakeJson> & { format: string; pages: unknown[] };

async function readOne(file: string): Promise<{ json: Json; ms: number; cpuMs: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const cpuMs = () => {
    const c = process.cpuUsage(cpu);
    return (c.user + c.system) / 1000;
  };
  if (viaDesk) {
    const run = await runDesk(['intake', path.join(dir, file), '--json', '--data', data]);
    if (run.code !== 0) throw new Error(run.stderr.trim());
    return { json: JSON.parse(run.stdout) as Json, ms: performance.now() - started, cpuMs: cpuMs() };
  }
  const read = await intake.read({ name: file, bytes: new Uint8Array(fs.readFileSync(path.join(dir, file))) });
  return { json: intakeJson(read) as Json, ms: performance.now() - started, cpuMs: cpuMs() };
}

const delay = monitorEventLoopDelay({ resolution: 10 });
const rows: Row[] = [];
let cold: { file: string; ms: number } | null = null;
for (const file of files) {
  const expected = JSON.parse(fs.readFileSync(path.join(dir, `${file}.expected.json`), 'utf8')) as ExpectedFile;
  const ocr = expected.kind === 'scan' || /scan/.test(file);
  if (!cold && !viaDesk) {
    // The cold start: worker, pdfjs, tesseract's model. Measured once, then the document again warm.
    cold = { file, ms: (await readOne(file)).ms };
  }
  if (ocr) delay.enable();
  let result;
  try {
    result = await readOne(file);
  } catch (error) {
    rows.push({
      file,
      format: 'refused',
      kind: expected.kind,
      ms: 0,
      cpuMs: 0,
      pages: 0,
      expected: 1,
      right: 0,
      extra: 0,
      misses: [(error as Error).message],
    });
    continue;
  } finally {
    if (ocr) delay.disable();
  }
  const score = scoreDocument(result.json as never, expected);
  rows.push({
    file,
    format: result.json.format,
    kind: expected.kind,
    ms: result.ms,
    cpuMs: result.cpuMs,
    pages: result.json.pages.length,
    ...score,
  });
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const groups = new Map<string, Row[]>();
for (const r of rows) groups.set(r.format, [...(groups.get(r.format) ?? []), r]);
console.log(
  `intake on ${files.length} documents in ${path.relative(process.cwd(), dir) || dir}${viaDesk ? ' (through desk intake, a process each)' : ''}`,
);
console.log('');
console.log('format      docs  fields  right  accuracy  extra  mean/doc   max/doc   per page  CPU/page');
for (const [format, rs] of [...groups].sort()) {
  const sum = (f: (r: Row) => number) => rs.reduce((s, r) => s + f(r), 0);
  const line = [
    format.padEnd(10),
    String(rs.length).padStart(5),
    String(sum((r) => r.expected)).padStart(7),
    String(sum((r) => r.right)).padStart(6),
    pct(
      sum((r) => r.right),
      sum((r) => r.expected),
    ).padStart(9),
    String(sum((r) => r.extra)).padStart(6),
    sec(sum((r) => r.ms) / rs.length).padStart(9),
    sec(Math.max(...rs.map((r) => r.ms))).padStart(9),
    sec(
      sum((r) => r.ms) /
        Math.max(
          1,
          sum((r) => r.pages),
        ),
    ).padStart(10),
    sec(
      sum((r) => r.cpuMs) /
        Math.max(
          1,
          sum((r) => r.pages),
        ),
    ).padStart(9),
  ];
  console.log(line.join(' '));
}
const by = (f: (r: Row) => boolean) => rows.filter(f);
const total = (rs: Row[]) =>
  pct(
    rs.reduce((s, r) => s + r.right, 0),
    rs.reduce((s, r) => s + r.expected, 0),
  );
console.log('');
console.log(
  `clean documents (text PDF, DOCX, e-mail, text, lists): ${total(by((r) => r.kind !== 'scan'))}   (target 100%)`,
);
console.log(
  `scans (OCR):                                           ${total(by((r) => r.kind === 'scan'))}   (target >= 95%)`,
);
if (cold) console.log(`cold start (first document, ${cold.file}): ${sec(cold.ms)}`);
if (!viaDesk && delay.count > 0)
  console.log(
    `main event loop while OCR ran: p50 ${(delay.percentile(50) / 1e6).toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms, max ${(delay.max / 1e6).toFixed(0)} ms`,
  );
if (!viaDesk && delay.count > 0) {
  // The same measure with nothing running, for as long: what this (shared) machine does to a timer anyway.
  const idle = monitorEventLoopDelay({ resolution: 10 });
  idle.enable();
  await new Promise((resolve) => setTimeout(resolve, 5000));
  idle.disable();
  console.log(
    `main event loop idle (baseline, 5 s):  p50 ${(idle.percentile(50) / 1e6).toFixed(0)} ms, p99 ${(idle.percentile(99) / 1e6).toFixed(0)} ms, max ${(idle.max / 1e6).toFixed(0)} ms`,
  );
}
console.log(
  `load average while it ran: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')} on ${os.cpus().length} cores`,
);
const misses = rows.filter((r) => r.misses.length);
if (misses.length) {
  console.log('');
  console.log('misses:');
  for (const r of misses) for (const m of r.misses) console.log(`  ${r.file}: ${m}`);
}
await intake.close();
db.close();
fs.rmSync(data, { recursive: true, force: true });
