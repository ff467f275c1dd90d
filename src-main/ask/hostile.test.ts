/**
 * Hostile questions and edited SQL over a real SQLite file: refused or stopped with a clear
 * message, and the file's bytes are the same afterwards.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../db/open';
import { createAskService, type AskService } from './ask-service';
import { ASK_TEST_NOW, syncedMirror } from './test-support/ask-mirror';

let dir: string;
let db: DB;
let file: string;
let instanceId: string;
let ask: AskService;
const sum = () => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-ask-hostile-'));
  const m = await syncedMirror(dir, 120, 3);
  db = m.db;
  instanceId = m.instanceId;
  db.pragma('wal_checkpoint(TRUNCATE)');
  file = m.file;
  ask = createAskService({ db, now: () => ASK_TEST_NOW, timeoutMs: 3000 });
}, 120_000);
afterAll(() => {
  ask?.close();
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const HOSTILE: [string, RegExp][] = [
  ['DELETE FROM people', /"delete" is not allowed/i],
  ["ATTACH DATABASE '/tmp/x.sqlite' AS x", /"attach" is not allowed/i],
  ["SELECT load_extension('evil')", /"load_extension" is not allowed/i],
  ['SELECT 1; SELECT 2', /Exactly one statement/],
  ['SELECT * FROM people; DELETE FROM people', /"delete" is not allowed|Exactly one statement/i],
  ['PRAGMA writable_schema = 1', /"pragma" is not allowed/i],
  ['PRAGMA query_only = 0', /"pragma" is not allowed/i],
  ['SELECT * FROM main.mirror_people', /name the views without a schema|not one of the views/],
  ['SELECT * FROM temp.people', /name the views without a schema|not one of the views/],
  ['SELECT * FROM sqlite_master', /not allowed|not one of the views/],
  ['SELECT * FROM mirror_people', /not one of the views/],
  ['SELECT randomblob(10)', /function "randomblob" is not allowed/],
  ["SELECT writefile('/tmp/x', 'y')", /"writefile" is not allowed/i],
  ['UPDATE people SET name = 1', /"update" is not allowed/i],
  ['INSERT INTO people (id) VALUES (1)', /"insert" is not allowed/i],
  ['CREATE TEMP TABLE t (x)', /"create" is not allowed/i],
  ['DROP VIEW people', /"drop" is not allowed/i],
  ["VACUUM INTO '/tmp/copy.sqlite'", /"vacuum" is not allowed/i],
  ['BEGIN; DELETE FROM people; COMMIT', /"begin" is not allowed|"delete" is not allowed/i],
  ['', /empty|at least 1/i],
  [`SELECT ${'1 + '.repeat(6000)}1`, /characters; at most 20,000/],
];

describe('hostile edited SQL and questions', () => {
  it('refuses each with a message and changes nothing', async () => {
    const before = sum();
    for (const [sql, message] of HOSTILE)
      await expect(ask.run({ instanceId, question: 'edited', sql }), sql).rejects.toThrow(message);
    expect(sum()).toBe(before);
  }, 60_000);

  it('stops a recursive CTE that never ends, and answers the next question', async () => {
    await ask.run({ instanceId, question: 'warm up', sql: 'SELECT 1' });
    const before = sum();
    const started = Date.now();
    await expect(
      ask.run({
        instanceId,
        question: 'edited',
        sql: 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c',
      }),
    ).rejects.toThrow(/ran longer than 3 seconds and was stopped/);
    expect(Date.now() - started).toBeLessThan(8_000);
    const next = await ask.run({ instanceId, question: 'edited', sql: 'SELECT count(*) AS n FROM people' });
    expect(next.table.rows[0]?.[0]).toBe(120);
    expect(sum()).toBe(before);
  }, 60_000);

  it('refuses a 10 MB question and questions it cannot read, with suggestions it can read, never a guess', async () => {
    const before = sum();
    const huge = await ask.interpret(instanceId, 'who '.repeat(2_600_000));
    expect(huge.ok).toBe(false);
    if (!huge.ok) expect(huge.message).toMatch(/characters long; ask in at most 2,000/);
    for (const question of [
      'drop table people; who likes pizza',
      "who never logged in'; DELETE FROM people; --",
      'who logged in yesterday UNION SELECT * FROM sqlite_master',
      "ATTACH DATABASE '/tmp/x' AS x",
      "select load_extension('x')",
    ]) {
      const odd = await ask.interpret(instanceId, question);
      expect(odd.ok, question).toBe(false);
      if (odd.ok) continue;
      expect(odd.message).toMatch(/Not understood/);
      expect(odd.suggestions.length).toBeGreaterThan(0);
      for (const s of odd.suggestions) expect((await ask.interpret(instanceId, s)).ok, s).toBe(true);
    }
    expect(sum()).toBe(before);
  });

  it('keeps a name that looks like SQL a value: it matches no one, and nothing changes', async () => {
    const before = sum();
    const edited = await ask.run({
      instanceId,
      question: 'edited query',
      query: {
        people: [{ kind: 'department', values: ["x'); DELETE FROM people; --"], negate: false }],
        activity: null,
        actor: [],
        output: { kind: 'count' },
      },
    });
    expect(edited.table.rows).toEqual([[0]]);
    expect(sum()).toBe(before);
  });

  it('forces a limit on edited SQL', async () => {
    const a = await ask.run({
      instanceId,
      question: 'edited',
      sql: 'SELECT s.session_id FROM sessions s, sessions t LIMIT 5000',
    });
    expect(a.table.rows).toHaveLength(1000);
    expect(a.truncated).toBe(true);
  }, 60_000);
});
