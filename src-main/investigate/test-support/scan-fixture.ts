/**
 * A synced sandbox mirror for the detector tests: the sandbox over real HTTP with its planted
 * findings, a full sync into a real SQLite file, then the sandbox closed. The clock is fixed, so
 * scans judge the mirror as of the ground truth's `now`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DB } from '../../db/open';
import { personKeyRange } from '../../db/mirror-keys';
import { silentLogger } from '../../log/logger';
import { startSandbox } from '../../smartsimple/sandbox';
import type { GroundTruth } from '../../smartsimple/sandbox/seed/ground-truth';
import { runSync } from '../../sync/run-sync';
import { makeSyncClient, testJob } from '../../sync/test-support/sync-fixtures';
import { openTestDb } from '../../sync/test-support/test-db';
import { DEFAULT_DETECTOR_SETTINGS, type DetectorSettings, type FindingKind } from '../../../src-preload/contract';
import { runScan, type ScanHooks, type ScanRequest, type ScanResult } from '../scan/scan';
import type { SodRuleFacts } from '../detectors/separation-of-duties';

export const SCAN_TEST_NOW = Date.UTC(2026, 10, 20, 12);

export interface ScanFixture {
  dir: string;
  db: DB;
  instanceId: string;
  truth: GroundTruth;
  /** Seconds: the ground truth's now. */
  asOf: number;
  /** Person key base (ordinal * 2^40) for writing log rows by hand. */
  base: number;
  scan(options?: Partial<Omit<ScanRequest, 'instanceId'>>, hooks?: Partial<ScanHooks>): ScanResult;
  /** Findings of a kind still detected, with their parsed numbers and evidence. */
  findings(kind: FindingKind): FixtureFinding[];
  close(): void;
}

export interface FixtureFinding {
  id: number;
  key: string;
  personId: number;
  score: number;
  reason: string;
  status: string;
  numbers: Record<string, number | string | null>;
  evidence: {
    sessions?: { sessionId: number }[];
    events?: { eventId: number }[];
    roles?: { roleId: number; peerShare?: number; contribution?: number; subject?: boolean }[];
  };
}

export async function scanFixture(options: { people?: number; seed?: number } = {}): Promise<ScanFixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-investigate-'));
  const sb = await startSandbox({
    seed: options.seed ?? 7,
    people: options.people ?? 1200,
    now: SCAN_TEST_NOW,
    clock: 'manual',
  });
  const truth = sb.groundTruth;
  const test = openTestDb(dir);
  try {
    const { client } = makeSyncClient(sb);
    await runSync({
      db: test.db,
      client,
      instanceId: test.instanceId,
      mode: 'auto',
      pageSize: 500,
      logPageSize: 5000,
      ctx: testJob().ctx,
      logger: silentLogger,
    });
  } finally {
    await sb.close();
  }
  const { db, instanceId } = test;
  const asOf = SCAN_TEST_NOW / 1000;
  const base = personKeyRange(db, instanceId)!.base;
  return {
    dir,
    db,
    instanceId,
    truth,
    asOf,
    base,
    scan: (o = {}, hooks = {}) =>
      runScan(
        db,
        {
          instanceId,
          mode: 'full',
          asOf,
          settings: DEFAULT_DETECTOR_SETTINGS,
          rules: [] as SodRuleFacts[],
          likelyPrivileged: [],
          settingsDigest: 'test',
          ...o,
        },
        { progress: () => undefined, throwIfCancelled: () => undefined, ...hooks },
      ),
    findings: (kind) =>
      (
        db
          .prepare(
            `SELECT id, key, person_id AS personId, score, reason, status, numbers, evidence FROM investigate_findings
             WHERE instance_id = ? AND kind = ? AND detected = 1 ORDER BY id`,
          )
          .all(instanceId, kind) as (Omit<FixtureFinding, 'numbers' | 'evidence'> & {
          numbers: string;
          evidence: string;
        })[]
      ).map((r) => ({ ...r, numbers: JSON.parse(r.numbers), evidence: JSON.parse(r.evidence) })),
    close: () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const settingsWith = (changes: Partial<DetectorSettings>): DetectorSettings => ({
  ...DEFAULT_DETECTOR_SETTINGS,
  ...changes,
});

/** Precision and recall of found keys against expected ones. */
export function score(found: Iterable<string>, expected: Iterable<string>) {
  const f = new Set(found);
  const e = new Set(expected);
  const hits = [...f].filter((k) => e.has(k)).length;
  return {
    precision: f.size === 0 ? (e.size === 0 ? 1 : 0) : hits / f.size,
    recall: e.size === 0 ? 1 : hits / e.size,
    missed: [...e].filter((k) => !f.has(k)),
    extra: [...f].filter((k) => !e.has(k)),
  };
}
