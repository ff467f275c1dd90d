/**
 * A full scan that has a second thread judge a share of the people's sessions finds exactly what a
 * scan reading it all on one thread finds; when the second thread cannot answer, the scan judges
 * that share itself. The two shares split the log exactly, by person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { testJob } from '../../sync/test-support/sync-fixtures';
import { DEFAULT_DETECTOR_SETTINGS } from '../../../src-preload/contract';
import { scanFixture, type ScanFixture } from '../test-support/scan-fixture';
import { runScanOffThread } from './run-in-worker';
import type { ScanRequest } from './scan';
import { Dictionary } from '../model';
import { keyRange, oneSnapshot, sessionChunks, type LogShare } from './scan-store';
import { judgeShare, type PartReader, type SessionPassResult, type ShareJob } from './session-pass';
import { markReaderFailed, partReaderOf, readerMemory, serveShare } from './session-reader';
import { MessageChannel } from 'node:worker_threads';

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

/** A full scan of the fixture, as the app asks for one. */
const fullScan = (): ScanRequest => ({
  instanceId: f.instanceId,
  mode: 'full',
  asOf: f.asOf,
  settings: DEFAULT_DETECTOR_SETTINGS,
  rules: [],
  likelyPrivileged: [],
  settingsDigest: 'test',
});

/** A reader over a second connection to the same file, judging its share when asked (in this thread). */
function secondConnectionReader(behaviour: 'reads' | 'fails') {
  const seen = { started: 0, cancelled: 0, result: null as SessionPassResult | null };
  let job: ShareJob | null = null;
  const reader: PartReader = {
    start(j) {
      seen.started++;
      job = structuredClone(j);
    },
    rowsRead: () => seen.result?.rows ?? 0,
    wait() {
      if (behaviour === 'fails' || !job) return null;
      const other = openDatabase(f.db.name).db;
      try {
        const result = judgeShare(other, job.range, 'reader', 0, new Dictionary(), job, {
          progress: () => {},
          throwIfCancelled: () => {},
        });
        // As it crosses between threads.
        seen.result = structuredClone(result);
      } finally {
        other.close();
      }
      return seen.result;
    },
    cancel() {
      seen.cancelled++;
    },
  };
  return { reader, seen };
}

describe('a full scan with a second reader', () => {
  it('splits the log by person: the two shares hold every row once, and no person is in both', () => {
    const range = keyRange(f.db, f.instanceId)!;
    // Small chunks: the test crosses many of them.
    const rows = (share: LogShare) => [...sessionChunks(f.db, range, share, 100)].flat();
    const people = (share: LogShare) => new Set(rows(share).map((r) => r[0]));
    const [all, scan, reader] = [rows('all'), rows('scan'), rows('reader')];
    expect(scan.length + reader.length).toBe(all.length);
    expect(scan.length).toBeGreaterThan(0);
    expect(reader.length).toBeGreaterThan(0);
    const [mine, theirs] = [people('scan'), people('reader')];
    expect([...mine].filter((id) => theirs.has(id))).toEqual([]);
    expect(mine.size + theirs.size).toBe(people('all').size);
  });

  it('reads its chunks from one snapshot: rows a sync adds meanwhile are left for the next scan', () => {
    const range = keyRange(f.db, f.instanceId)!;
    const total = f.db.prepare('SELECT count(*) FROM mirror_login_sessions').pluck().get() as number;
    const last = f.db.prepare('SELECT max(key) FROM mirror_login_sessions').pluck().get() as number;
    const writer = openDatabase(f.db.name).db;
    const read = (snapshot: boolean) => {
      let rows = 0;
      let added = false;
      const pass = () => {
        for (const chunk of sessionChunks(f.db, range, 'all', 100)) {
          rows += chunk.length;
          if (added) continue;
          // Another connection (a sync) appends a session after the first chunk.
          writer
            .prepare(
              `INSERT INTO mirror_login_sessions (key, instance_id, session_id, user_key, user_id, started_at)
               SELECT ?, instance_id, ?, user_key, user_id, started_at FROM mirror_login_sessions WHERE key = ?`,
            )
            .run(last + 1, 990_000_001, last);
          added = true;
        }
      };
      if (snapshot) oneSnapshot(f.db, pass);
      else pass();
      writer.prepare('DELETE FROM mirror_login_sessions WHERE key = ?').run(last + 1);
      return rows;
    };
    try {
      expect(read(true)).toBe(total);
      // Without it the same read sees the new row: the test can tell.
      expect(read(false)).toBe(total + 1);
    } finally {
      writer.close();
    }
  });

  it('finds the same with a share judged elsewhere, and judges it itself when the reader fails', () => {
    f.scan({ mode: 'full' });
    const oneThread = outcome();
    expect(oneThread.findings.length).toBeGreaterThan(20);
    const total = f.db.prepare('SELECT count(*) FROM mirror_login_sessions').pluck().get() as number;

    const shared = secondConnectionReader('reads');
    f.scan({ mode: 'full' }, { partReader: shared.reader });
    expect(shared.seen.started).toBe(1);
    // It judged a real share of the log, not all of it and not nothing.
    expect(shared.seen.result!.rows).toBeGreaterThan(total * 0.3);
    expect(shared.seen.result!.rows).toBeLessThan(total * 0.9);
    expect(shared.seen.result!.drafts.length).toBeGreaterThan(0);
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
    const result = await runScanOffThread(f.db, fullScan(), testJob().ctx);
    expect(result.kind).toBe('full');
    expect(result.summary.sessions).toBe(f.db.prepare('SELECT count(*) FROM mirror_login_sessions').pluck().get());
    expect(outcome()).toEqual(oneThread);
  });

  it('cancelled before it starts: the worker and its second thread stop, and nothing is saved', async () => {
    f.scan({ mode: 'full' });
    const before = outcome();
    const job = testJob();
    job.controller.abort();
    await expect(runScanOffThread(f.db, fullScan(), job.ctx)).rejects.toThrow(/cancelled/);
    expect(outcome()).toEqual(before);
    expect(f.db.prepare('SELECT state FROM investigate_scans ORDER BY id DESC LIMIT 1').pluck().get()).toBe(
      'cancelled',
    );
  });

  it('tells why a second thread failed, and lets the scan go on without it', () => {
    // The reader's end answers with an error (its job could not be read).
    const { port1, port2 } = new MessageChannel();
    const memory = readerMemory();
    const failures: string[] = [];
    const scanSide = partReaderOf(
      { ...memory, port: port1 },
      () => undefined,
      (m) => failures.push(m),
    );
    const control = new Int32Array(memory.control);
    Atomics.store(control, 0, 1); // go, with no job in the port
    serveShare(f.db, { ...memory, port: port2 });
    expect(scanSide.wait()).toBeNull();
    expect(failures).toEqual(['the scan sent no job']);

    // A reader thread that stopped without answering (the main process marks it failed).
    const other = new MessageChannel();
    const memory2 = readerMemory();
    const scanSide2 = partReaderOf(
      { ...memory2, port: other.port1 },
      () => undefined,
      (m) => failures.push(m),
    );
    markReaderFailed(memory2.control);
    expect(scanSide2.wait()).toBeNull();
    expect(failures[1]).toMatch(/stopped without an answer/);
    for (const p of [port1, port2, other.port1, other.port2]) p.close();
  });
});
