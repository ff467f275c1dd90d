/**
 * The two audit logs into the mirror. Rows have natural keys (ordinal * 2^40 + event or session
 * id, see mirror-keys.ts), so a page fetched twice (the overlap of an incremental sync, a page a
 * crash left uncommitted) inserts nothing the second time. A session's end, address and agent may
 * be filled in after it was first seen: those columns are updated when they differ.
 */
import type { DB } from '../db/open';
import type { WireRecord } from '../smartsimple/protocol';
import { ensurePersonKeyRange } from '../db/mirror-keys';
import { recordIdOf } from './entities';
import type { EntityWriter } from './write-common';
import { emptyCounts, int, text } from './write-common';

/** max(key) and count(*) over the instance's key range: one b-tree step, one range walk. */
function rangeQueries(db: DB, table: string, base: number, last: number) {
  const maxKey = db.prepare(`SELECT max(key) FROM ${table} WHERE key BETWEEN ? AND ?`).pluck();
  const count = db.prepare(`SELECT count(*) FROM ${table} WHERE key BETWEEN ? AND ?`).pluck();
  return {
    maxId: () => {
      const key = maxKey.get(base, last) as number | null;
      return key === null ? 0 : key - base;
    },
    count: () => count.get(base, last) as number,
  };
}

export function createAccessEventsWriter(db: DB, instanceId: string): EntityWriter {
  const { base, last } = ensurePersonKeyRange(db, instanceId);
  const insert = db.prepare(
    `INSERT OR IGNORE INTO mirror_access_events (key, instance_id, event_id, user_key, user_id, action, detail, changed_by, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const prepare = (records: readonly WireRecord[]) => {
    const rows: unknown[][] = [];
    for (const r of records) {
      const id = recordIdOf(r, 'eventid');
      const at = text(r, 'timestamp');
      if (id === undefined || at === null) continue;
      const user = int(r, 'userid') ?? 0;
      rows.push([
        base + id,
        instanceId,
        id,
        base + user,
        user,
        text(r, 'action') ?? '',
        text(r, 'detail'),
        int(r, 'changed_by'),
        at,
      ]);
    }
    return { prepared: true as const, rows };
  };
  return {
    prepare,
    apply(records, _at, prepared) {
      const counts = emptyCounts();
      const { rows } = (prepared as ReturnType<typeof prepare> | undefined) ?? prepare(records);
      for (const row of rows) counts.added += insert.run(...row).changes;
      return { access_events: counts };
    },
    ...rangeQueries(db, 'mirror_access_events', base, last),
  };
}

export function createLoginSessionsWriter(db: DB, instanceId: string): EntityWriter {
  const { base, last } = ensurePersonKeyRange(db, instanceId);
  const insert = db.prepare(
    `INSERT OR IGNORE INTO mirror_login_sessions (key, instance_id, session_id, user_key, user_id, started_at, ended_at, ip, user_agent)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const refresh = db.prepare(
    'UPDATE mirror_login_sessions SET ended_at = ?, ip = ?, user_agent = ? WHERE key = ? AND (ended_at IS NOT ? OR ip IS NOT ? OR user_agent IS NOT ?)',
  );
  const prepare = (records: readonly WireRecord[]) => {
    const rows: { key: number; values: unknown[]; end: string | null; ip: string | null; agent: string | null }[] = [];
    for (const r of records) {
      const id = recordIdOf(r, 'sessionid');
      const start = text(r, 'session_start');
      if (id === undefined || start === null) continue;
      const end = text(r, 'session_end') || null;
      const ip = text(r, 'ip');
      const agent = text(r, 'user_agent');
      const user = int(r, 'userid') ?? 0;
      rows.push({
        key: base + id,
        values: [base + id, instanceId, id, base + user, user, start, end, ip, agent],
        end,
        ip,
        agent,
      });
    }
    return { prepared: true as const, rows };
  };
  return {
    prepare,
    apply(records, _at, prepared) {
      const counts = emptyCounts();
      const { rows } = (prepared as ReturnType<typeof prepare> | undefined) ?? prepare(records);
      for (const { key, values, end, ip, agent } of rows) {
        if (insert.run(...values).changes > 0) counts.added++;
        else counts.changed += refresh.run(end, ip, agent, key, end, ip, agent).changes;
      }
      return { login_sessions: counts };
    },
    ...rangeQueries(db, 'mirror_login_sessions', base, last),
  };
}
