/**
 * `desk findings --json` and `desk risk --json` as an administrator (or a scorer) runs them: the
 * real commands in child processes on the built-in sandbox, scored against the ground truth the
 * sandbox planted (generated again here from the same seed and size).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger, SecretRegistry } from '../log/logger';
import { generateInstance } from '../smartsimple/sandbox/seed/generate';
import { createVault } from '../vault/vault';
import { expectPlantedFindings } from './test-support/planted-findings';
import { runDesk } from './test-support/run-desk';

const SERVICE = `Admin Desk findings-test ${crypto.randomUUID()}`;
const available = (
  await createVault({ secrets: new SecretRegistry(), logger: silentLogger, service: SERVICE }).status()
).available;
const required = process.env.ADMIN_DESK_REQUIRE_KEYCHAIN === '1';
const PEOPLE = 1500;
const SEED = 21;

const desk = (args: string[]) => runDesk(args, { ADMIN_DESK_KEYCHAIN_SERVICE: SERVICE });

interface Finding {
  kind: string;
  key: string;
  personId: number;
  personName: string;
  person: { id: number; name: string };
  score: number;
  status: string;
  reason: string;
  evidence: {
    events?: { eventId: number }[];
    sessions?: { sessionId: number }[];
    roles?: { roleId: number; subject?: boolean }[];
  };
}

describe.skipIf(!available && !required)('desk findings and desk risk', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-findings-'));
  const truth = generateInstance({ seed: SEED, people: PEOPLE }).groundTruth;
  let all: { total: number; byKind: Record<string, number>; findings: Finding[] };

  beforeAll(async () => {
    const connect = await desk([
      '--data',
      dir,
      'connect',
      '--sandbox',
      '--people',
      String(PEOPLE),
      '--seed',
      String(SEED),
    ]);
    expect(connect.code, connect.stderr).toBe(0);
    const sync = await desk(['--data', dir, 'sync']);
    expect(sync.code, sync.stderr).toBe(0);
    const run = await desk(['--data', dir, 'findings', '--json']);
    expect(run.code, run.stderr).toBe(0);
    all = JSON.parse(run.stdout);
  }, 300_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints every finding with its person, kind, score, reason and evidence', () => {
    expect(all.total).toBe(all.findings.length);
    expect(all.total).toBeGreaterThan(20);
    for (const f of all.findings) {
      expect(f.person).toEqual({ id: f.personId, name: f.personName });
      expect(f.score).toBeGreaterThanOrEqual(0);
      expect(f.score).toBeLessThanOrEqual(1);
      expect(f.reason.length).toBeGreaterThan(20);
      expect(f.status).toBe('open');
      expect(f.evidence).toBeTypeOf('object');
    }
  });

  it('finds what the sandbox planted, scored as a held-out instance would be', () => {
    expectPlantedFindings(all.findings, truth);
    const burst = all.findings.filter((f) => f.kind === 'permission_burst');
    expect(burst.map((f) => String(f.personId))).toEqual([truth.permissionBurst.actorId]);
    expect(burst[0]!.evidence.events!.map((e) => String(e.eventId)).sort()).toEqual(
      [...truth.permissionBurst.eventIds].sort(),
    );
  });

  it('filters by kind and score, refuses a kind it does not know, and scores risk as sums of contributions', async () => {
    const dormant = await desk([
      '--data',
      dir,
      'findings',
      '--json',
      '--kind',
      'dormant,peer-outlier',
      '--min-score',
      '0.5',
    ]);
    expect(dormant.code, dormant.stderr).toBe(0);
    const some = JSON.parse(dormant.stdout) as { findings: Finding[] };
    expect(new Set(some.findings.map((f) => f.kind))).toEqual(new Set(['dormant', 'peer_outlier']));
    expect(some.findings.every((f) => f.score >= 0.5)).toBe(true);

    const bad = await desk(['--data', dir, 'findings', '--kind', 'haunted']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--kind takes dormant, off_hours/);

    const human = await desk(['--data', dir, 'findings', '--limit', '3']);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^\d+ findings on Sandbox \(built-in\) \(as of .+ UTC\); the first 3:/);

    const risk = await desk(['--data', dir, 'risk', '--json', '--top', '10']);
    expect(risk.code, risk.stderr).toBe(0);
    const r = JSON.parse(risk.stdout) as {
      top: { score: number; contributions: { points: number }[] }[];
      distribution: { people: number }[];
      people: number;
    };
    expect(r.top).toHaveLength(10);
    for (const p of r.top) expect(p.score).toBe(p.contributions.reduce((s, c) => s + c.points, 0));
    expect(r.distribution.reduce((s, d) => s + d.people, 0)).toBe(r.people);
  }, 120_000);
});
