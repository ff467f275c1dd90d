/**
 * A full scan that reads the later part of the log on a second thread finds exactly what a scan
 * reading it all on one thread finds; when the second thread cannot answer, the scan reads that
 * part itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { testJob } from '../../sync/test-support/sync-fixtures';
import { DEFAULT_DETECTOR_SETTINGS } from '../../../src-preload/contract';
import { scanFixture, type ScanFixture } from '../test-support/scan-fixture';
import { runScanOffThread } from './run-in-worker';
import type { ScanRequest } from './scan';
import { readLogPart, type LogPart, type PartReader } from './session-pass';

let f: ScanFixture;
beforeAll(async () => {
  f = await scanFixture({ people: 600, seed: 5 });
});
afterAll(() => f?.close());

/** What a scan leaves: every finding still detected, with its evidence, and every risk score. */
function outcome() {
  return {
    findings: f.db
      .prepare(
        `SELECT key, fingerprint, score, reason, numbers, evidence FROM investigate_findings
         WHERE instance_id = ? AND detected = 1 ORDER BY key`,
      )
      .all(f.instanceId),
    risk: f.db
      .prepare('SELECT person_id, score, contributions FROM investigate_risk WHERE instance_id = ? ORDER BY person_id')
      .all(f.instanceId),
  };
}

/** A reader over a second connection to the same file, reading when asked (in this thread). */
function secondConnectionReader(behaviour: 'reads' | 'fails') {
  const seen = { started: 0, cancelled: 0, part: null as LogPart | null };
  let from = 0;
  let range: Parameters<PartReader['start']>[1] | null = null;
  const reader: PartReader = {
    start(fromKey, r) {
      seen.started++;
      from = fromKey;
      range = r;
    },
    rowsRead: () => seen.part?.length ?? 0,
    wait() {
      if (behaviour === 'fails' || !range) return null;
      const other = openDatabase(f.db.name).db;
      try {
        seen.part = readLogPart(other, range, from, range.last, { progress: () => {}, throwIfCancelled: () => {} });
      } finally {
        other.close();
      }
      return seen.part;
    },
    cancel() {
      seen.cancelled++;
    },
  };
  return { reader, seen };
}

describe('a full scan with a second reader', () => {
  it('finds the same with the later part read elsewhere, and reads it itself when the reader fails', () => {
    f.scan({ mode: 'full' });
    const oneThread = outcome();
    expect(oneThread.findings.length).toBeGreaterThan(20);
    const total = f.db.prepare('SELECT count(*) FROM mirror_login_sessions').pluck().get() as number;

    const shared = secondConnectionReader('reads');
    f.scan({ mode: 'full' }, { partReader: shared.reader });
    expect(shared.seen.started).toBe(1);
    // It read a real share of the log, not all of it and not nothing.
    expect(shared.seen.part!.length).toBeGreaterThan(total * 0.3);
    expect(shared.seen.part!.length).toBeLessThan(total * 0.9);
    expect(outcome()).toEqual(oneThread);

    const failing = secondConnectionReader('fails');
    f.scan({ mode: 'full' }, { partReader: failing.reader });
    expect(failing.seen.started).toBe(1);
    expect(failing.seen.cancelled).toBeGreaterThan(0);
    expect(outcome()).toEqual(oneThread);
  });

  it('in the worker with its reader thread, finds what one thread finds', async () => {
    f.scan({ mode: 'full' });
    const oneThread = outcome();
    const request: ScanRequest = {
      instanceId: f.instanceId,
      mode: 'full',
      asOf: f.asOf,
      settings: DEFAULT_DETECTOR_SETTINGS,
      rules: [],
      likelyPrivileged: [],
      settingsDigest: 'test',
    };
    const result = await runScanOffThread(f.db, request, testJob().ctx);
    expect(result.kind).toBe('full');
    expect(result.summary.sessions).toBe(f.db.prepare('SELECT count(*) FROM mirror_login_sessions').pluck().get());
    expect(outcome()).toEqual(oneThread);
  });
});
