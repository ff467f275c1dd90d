/**
 * Checks the audit trail end to end: every entry's hash against its content, every link to the
 * entry before, seq without gaps, and the newest entry against the head kept in `settings`.
 * Reports every problem it finds rather than stopping at the first, so a screen can say which
 * entries were touched.
 */
import type { DB } from '../db/open';
import { GENESIS_HASH, entryHash, iterateAuditRows, readAuditHead, type AuditHead } from './trail-store';
import type { AuditProblem, AuditProblemKind, AuditVerification } from '../../src-preload/contract';

export type { AuditProblem, AuditProblemKind, AuditVerification };

/** At most this many problems are listed (a truncated table can break thousands of links). */
const MAX_PROBLEMS = 200;

export function verifyAuditTrail(db: DB): AuditVerification {
  const problems: AuditProblem[] = [];
  const report = (p: AuditProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  let checked = 0;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let last: AuditHead | null = null;
  for (const row of iterateAuditRows(db)) {
    checked++;
    if (row.seq !== expectedSeq) {
      const gap =
        row.seq > expectedSeq
          ? `entries ${expectedSeq}..${row.seq - 1} are missing`
          : `entry ${row.seq} is out of order`;
      report({
        kind: 'missing',
        seq: row.seq,
        message: `The trail jumps from ${expectedSeq - 1} to ${row.seq}: ${gap}.`,
      });
    }
    if (recomputedHash(row) !== row.hash) {
      report({
        kind: 'edited',
        seq: row.seq,
        message: `Entry ${row.seq} (${row.action} by ${row.actor}) was changed after it was written.`,
      });
    }
    if (row.prev_hash !== prevHash) {
      report({
        kind: 'broken-link',
        seq: row.seq,
        message: `Entry ${row.seq} does not follow the entry before it: an entry before it was removed or replaced.`,
      });
    }
    prevHash = row.hash;
    expectedSeq = row.seq + 1;
    last = { seq: row.seq, hash: row.hash };
  }

  const head = readAuditHead(db);
  const headProblem = checkHead(head, last);
  if (headProblem) report(headProblem);
  return { ok: problems.length === 0, checked, last, head, problems };
}

type StoredRow = ReturnType<typeof iterateAuditRows> extends Iterable<infer R> ? R : never;

/** The hash the row's content gives; undefined when its details are not even JSON any more. */
function recomputedHash(row: StoredRow): string | undefined {
  let details: Record<string, unknown> | undefined;
  try {
    details = JSON.parse(row.details) as Record<string, unknown>;
  } catch {
    details = undefined;
  }
  return details
    ? entryHash({
        seq: row.seq,
        at: row.at,
        actor: row.actor,
        action: row.action,
        instanceId: row.instance_id,
        subject: row.subject,
        details,
        prevHash: row.prev_hash,
      })
    : undefined;
}

/** The newest entry against the head kept apart: entries cut off the end, replaced, or added. */
function checkHead(head: AuditHead | null, last: AuditHead | null): AuditProblem | null {
  if (head && (!last || head.seq > last.seq)) {
    return {
      kind: 'truncated',
      seq: head.seq,
      message: `The trail ends at entry ${last?.seq ?? 0}, but entry ${head.seq} was written: the last ${head.seq - (last?.seq ?? 0)} entries were removed.`,
    };
  }
  if (head && last && head.seq === last.seq && head.hash !== last.hash) {
    return {
      kind: 'head-mismatch',
      seq: head.seq,
      message: `The newest entry ${head.seq} is not the one that was written last.`,
    };
  }
  if (head && last && head.seq < last.seq) {
    return {
      kind: 'head-mismatch',
      seq: last.seq,
      message: `Entries after ${head.seq} were added outside Admin Desk.`,
    };
  }
  if (!head && last) {
    return {
      kind: 'head-mismatch',
      seq: last.seq,
      message: 'The record of the newest entry is missing: the trail cannot be checked for removed entries at its end.',
    };
  }
  return null;
}
