/**
 * bench/ask: questions over synced sandbox mirrors of growing size, side by side in one run: the
 * time to read each question (grammar), to answer it (compiled SQL in the read-only runner
 * process) and, for scale, the same statement run in this process on a plain connection (the
 * runner's overhead is the difference). Prints; asserts nothing.
 *
 *   npx tsx bench/ask.ts                       # 2,000 and 20,000 people
 *   BENCH_PEOPLE=10000,100000 npx tsx bench/ask.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createAskService } from '../src-main/ask/ask-service';
import { syncedMirror, ASK_TEST_NOW } from '../src-main/ask/test-support/ask-mirror';
import { viewStatements } from '../src-main/ask/views';

const SIZES = (process.env.BENCH_PEOPLE ?? '2000,20000').split(',').map(Number);
const QUESTIONS = [
  'Who has not logged in for the last 90 days?',
  'Which external users logged in between 23:00 and 05:00 UTC?',
  'Users with more than 3 different IP addresses in the last 30 days',
  'Who holds both Report Viewer and Grants Officer?',
  'How many people per department?',
  'Top 10 users by number of logins in the last 30 days',
  'Who granted roles in the last 30 days?',
  'How many sessions per weekday in October?',
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function one(people: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-bench-ask-'));
  const t0 = performance.now();
  const m = await syncedMirror(dir, people, 7);
  const syncS = (performance.now() - t0) / 1000;
  const ask = createAskService({ db: m.db, now: () => ASK_TEST_NOW });
  const raw = new Database(m.file, { readonly: true });
  for (const s of viewStatements(m.instanceId)) raw.exec(s);
  const sessions = raw.prepare('SELECT count(*) FROM sessions').pluck().get() as number;
  console.log(
    `\n${people.toLocaleString('en-US')} people, ${sessions.toLocaleString('en-US')} sessions (synced in ${syncS.toFixed(1)} s)`,
  );
  console.log('read ms  answer ms  raw ms  ratio  rows  question');
  await ask.ask(m.instanceId, QUESTIONS[0]!); // starts the runner
  for (const q of QUESTIONS) {
    const reads: number[] = [];
    const answers: number[] = [];
    const raws: number[] = [];
    let rows = 0;
    for (let i = 0; i < 3; i++) {
      let t = performance.now();
      const read = await ask.interpret(m.instanceId, q);
      reads.push(performance.now() - t);
      if (!read.ok) throw new Error(`${q}: ${read.message}`);
      t = performance.now();
      const answer = await ask.run({ instanceId: m.instanceId, question: q, query: read.query });
      answers.push(performance.now() - t);
      rows = answer.table.rows.length;
      t = performance.now();
      raw.prepare(read.sql).all();
      raws.push(performance.now() - t);
    }
    const [r, a, s] = [median(reads), median(answers), median(raws)];
    console.log(
      `${r.toFixed(1).padStart(7)}  ${a.toFixed(1).padStart(9)}  ${s.toFixed(1).padStart(6)}  ${(a / Math.max(s, 0.1)).toFixed(1).padStart(5)}  ${String(rows).padStart(4)}  ${q}`,
    );
  }
  raw.close();
  ask.close();
  m.db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

for (const people of SIZES) await one(people);
