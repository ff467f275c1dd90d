/**
 * Questions over a synced sandbox mirror (real HTTP, real SQLite file), each with its answer
 * computed by hand-written SQL straight over the mirror tables (test-support/cases/; not the ask
 * views, not compile.ts). At least 90% must be exactly right; the ones that are not are listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAskService, type AskService } from './ask-service';
import { ASK_TEST_NOW, syncedMirror } from './test-support/ask-mirror';
import type { DB } from '../db/open';
import { ACTIVITY_CASES } from './test-support/cases/activity';
import { FIRST_CASES } from './test-support/cases/first';
import { PEOPLE_CASES } from './test-support/cases/people';
import { PHRASING_CASES } from './test-support/cases/phrasing';
import type { Case } from './test-support/cases/sql';

const CASES: Case[] = [...FIRST_CASES, ...PEOPLE_CASES, ...ACTIVITY_CASES, ...PHRASING_CASES];

let dir: string;
let db: DB;
let instanceId: string;
let ask: AskService;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-ask-'));
  const mirror = await syncedMirror(dir);
  db = mirror.db;
  instanceId = mirror.instanceId;
  ask = createAskService({ db, now: () => ASK_TEST_NOW });
}, 120_000);
afterAll(() => {
  ask?.close();
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** An answer as text that compares as the shape says (rows are `[value, ...]`). */
function comparable(shape: Case[2], rows: unknown[][]): string {
  const sorted = (values: unknown[]) => JSON.stringify(values.map(String).sort());
  switch (shape) {
    case 'ids':
      return JSON.stringify(rows.map((r) => Number(r[0])).sort((a, b) => a - b));
    case 'ordered':
      return JSON.stringify(rows.map((r) => Number(r[0])));
    case 'count':
      return JSON.stringify(rows[0]?.[0]);
    case 'pairs':
      return sorted(rows.map((r) => `${String(r[0])}=${String(r[1])}`));
    case 'rows':
      return sorted(rows.map((r) => r[0]));
  }
}

const expectedOf = (c: Case) => comparable(c[2], db.prepare(c[1]).raw().all({ i: instanceId }) as unknown[][]);

async function actualOf(c: Case): Promise<string> {
  const a = await ask.ask(instanceId, c[0]);
  if (!('table' in a)) return `refused: ${a.message}`;
  const people = c[2] === 'ids' || c[2] === 'ordered';
  return comparable(c[2], people ? a.people.map((p) => [p.id]) : a.table.rows);
}

describe('questions over a synced sandbox mirror', () => {
  it('answers at least 90% of the questions exactly as hand-written SQL does', async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
    const failures: string[] = [];
    let nonEmpty = 0;
    for (const c of CASES) {
      const want = expectedOf(c);
      if (want !== '[]' && want !== '0') nonEmpty += 1;
      const got = await actualOf(c);
      if (got !== want) failures.push(`${c[0]}\n   want ${want.slice(0, 160)}\n   got  ${got.slice(0, 160)}`);
    }
    console.log(`${CASES.length - failures.length} of ${CASES.length} questions exactly right.`);
    if (failures.length) console.log(`Not exactly right (${failures.length}):\n${failures.join('\n')}`);
    // Most expected answers are not empty: the questions test something.
    expect(nonEmpty).toBeGreaterThan(CASES.length * 0.8);
    expect(failures.length).toBeLessThanOrEqual(Math.floor(CASES.length * 0.1));
  }, 300_000);
});
