/**
 * Described changes over a synced sandbox mirror (real HTTP, real SQLite file): each sentence's
 * people against hand-written SQL over the mirror tables and its action against the one expected
 * (test-support/sentence-cases.ts). At least 90% must be exactly right; the others are listed.
 * Unreadable sentences are refused with sentences that share their words and that the grammar reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AskService } from '../ask/ask-service';
import { ASK_TEST_NOW } from '../ask/test-support/ask-mirror';
import type { DB } from '../db/open';
import { parseChange } from './describe/read-change';
import type { LifecycleService } from './lifecycle-service';
import { lifecycleOverMirror } from './test-support/lifecycle-mirror';
import { SENTENCE_CASES } from './test-support/sentence-cases';

let dir: string;
let db: DB;
let instanceId: string;
let ask: AskService;
let lifecycle: LifecycleService;
const NOW = new Date(ASK_TEST_NOW).toISOString();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-describe-'));
  ({ db, instanceId, ask, lifecycle } = await lifecycleOverMirror(dir));
}, 120_000);
afterAll(() => {
  ask?.close();
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ids = (sql: string) => (db.prepare(sql).pluck().all({ i: instanceId }) as number[]).sort((a, b) => a - b);

describe('describe the change', () => {
  it(`reads at least 90% of ${SENTENCE_CASES.length} sentences exactly (people by SQL, action)`, async () => {
    expect(SENTENCE_CASES.length).toBeGreaterThanOrEqual(60);
    const wrong: string[] = [];
    for (const [sentence, sql, action] of SENTENCE_CASES) {
      const r = await lifecycle.describe(instanceId, sentence, NOW);
      if (!r.ok) {
        wrong.push(`${sentence}: refused: ${r.message}`);
        continue;
      }
      const want = ids(sql);
      const got = r.people.map((p) => p.id).sort((a, b) => a - b);
      if (JSON.stringify(got) !== JSON.stringify(want))
        wrong.push(`${sentence}: people ${got.length} vs ${want.length} expected (${r.interpretation})`);
      else if (JSON.stringify(r.action) !== JSON.stringify(action))
        wrong.push(`${sentence}: action ${JSON.stringify(r.action)} vs ${JSON.stringify(action)}`);
    }
    const right = SENTENCE_CASES.length - wrong.length;
    console.log(`described changes: ${right}/${SENTENCE_CASES.length} exactly right\n${wrong.join('\n')}`);
    expect(right / SENTENCE_CASES.length).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  it('selects people somewhere: no case is vacuous', () => {
    const empty = SENTENCE_CASES.filter(([, sql]) => ids(sql).length === 0).map(([s]) => s);
    expect(empty.length).toBeLessThanOrEqual(SENTENCE_CASES.length / 5);
  });

  it('refuses what it cannot read, offering sentences that share its words and that it reads', async () => {
    for (const sentence of [
      'frobnicate the Report Viewer role',
      'give Finance',
      'make the coffee for Aurora Health Coalition',
    ]) {
      const r = await lifecycle.describe(instanceId, sentence, NOW);
      expect(r.ok, sentence).toBe(false);
      if (r.ok) continue;
      expect(r.suggestions.length).toBeGreaterThan(0);
      const words = new Set(
        sentence
          .toLowerCase()
          .split(' ')
          .filter((w) => w.length > 3),
      );
      expect(
        r.suggestions.some((s) =>
          s
            .toLowerCase()
            .split(' ')
            .some((w) => words.has(w)),
        ),
        sentence,
      ).toBe(true);
      for (const s of r.suggestions) expect(parseChange(s, ask.lexicon(instanceId), ASK_TEST_NOW).ok, s).toBe(true);
    }
  });

  it('says what each operation is for, and leaves out people it would not change, with why', async () => {
    const r = await lifecycle.describe(
      instanceId,
      'give everyone in the Finance department the Report Viewer role',
      NOW,
    );
    if (!r.ok) throw new Error(r.message);
    const holders = ids(
      `SELECT p.id FROM mirror_people p WHERE p.instance_id = @i AND p.department = 'Finance' AND p.deleted_at IS NULL AND p.role_ids LIKE '%' || (SELECT id FROM mirror_roles WHERE instance_id = @i AND name = 'Report Viewer') || '%'`,
    );
    expect(r.operations.length + r.unchanged.length).toBe(r.people.length);
    expect(r.operations.every((o) => o.kind === 'add_role' && o.why.includes('Finance department'))).toBe(true);
    expect(r.unchanged.length).toBeLessThanOrEqual(holders.length);
    expect(r.sql).toMatch(/^SELECT/i);
  });
});
