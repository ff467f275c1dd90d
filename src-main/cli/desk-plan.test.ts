/**
 * `desk plan "SENTENCE" --json` as a script runs it: the real command in a child process, over a
 * data folder where the backend (in this process) connected the built-in sandbox and synced it.
 * The people are compared with hand-written SQL over that folder's database; an unreadable
 * sentence (through the `describe` subcommand) exits 1 with the nearest sentences as JSON.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionDetails, JobInfo, Result } from '../../src-preload/contract';
import { createBackend } from '../backend/backend';
import { runDesk } from './test-support/run-desk';

const NOW = '2026-11-20T12:00:00Z';
let dir: string;

async function ok<T>(p: Promise<Result<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data as T;
}

function query(sql: string): unknown[] {
  const db = new Database(path.join(dir, 'admin-desk.sqlite'), { readonly: true });
  try {
    const i = db.prepare('SELECT id FROM instances').pluck().get() as string;
    return db.prepare(sql).pluck().all({ i });
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-desk-plan-'));
  const b = await createBackend({ dataDir: dir, sandbox: { people: 150, seed: 4 }, consoleLog: false });
  try {
    const instanceId = (await ok<ConnectionDetails>(b.invoke('sandbox:explore'))).instance.id;
    const job = await ok<JobInfo>(b.invoke('sync:start', { instanceId }));
    expect((await b.services.jobs.wait(job.id)).state).toBe('succeeded');
  } finally {
    await b.close();
  }
}, 300_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('desk plan', () => {
  it('prints the reading, query, action, people ids and operations; refuses what it cannot read', async () => {
    const [org] = query(
      `SELECT o.name FROM mirror_organizations o JOIN mirror_people p ON p.instance_id = o.instance_id AND p.company_id = o.id
       WHERE o.instance_id = @i AND p.is_external = 1 AND p.status = 'Active' GROUP BY o.id ORDER BY count(*) DESC LIMIT 1`,
    ) as string[];
    const sentence = `deactivate the contacts of ${org}`;
    const run = await runDesk(['plan', sentence, '--json', '--now', NOW, '--data', dir]);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as {
      interpretation: string;
      query: unknown;
      action: unknown;
      people: number[];
      operations: { kind: string; personId: number; why: string }[];
      sql: string;
    };
    expect(out.action).toEqual({ kind: 'deactivate' });
    expect(out.interpretation).toContain(org);
    const want = query(
      `SELECT p.id FROM mirror_people p JOIN mirror_organizations o ON o.instance_id = p.instance_id AND o.id = p.company_id
       WHERE p.instance_id = @i AND p.deleted_at IS NULL AND o.name = '${org!.replace(/'/g, "''")}' ORDER BY p.id`,
    ) as number[];
    expect(want.length).toBeGreaterThan(0);
    expect([...out.people].sort((a, b) => a - b)).toEqual(want);
    const active = query(
      `SELECT p.id FROM mirror_people p WHERE p.instance_id = @i AND p.status <> 'Inactive' AND p.id IN (${want.join(',')}) ORDER BY p.id`,
    ) as number[];
    expect(out.operations.map((o) => o.personId).sort((a, b) => a - b)).toEqual(active);
    expect(out.operations.every((o) => o.kind === 'deactivate' && o.why.includes(sentence))).toBe(true);
    expect(query('SELECT count(*) FROM plans')).toEqual([0]);

    const refused = await runDesk(['plan', 'describe', `frobnicate the people at ${org}`, '--json', '--data', dir]);
    expect(refused.code).toBe(1);
    const r = JSON.parse(refused.stdout) as { error: string; suggestions: string[] };
    expect(r.error).toMatch(/No change could be read/);
    expect(r.suggestions.some((s) => s.includes(org!))).toBe(true);
  }, 120_000);
});
